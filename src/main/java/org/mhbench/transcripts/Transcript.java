package org.mhbench.transcripts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mhbench.generate.ChatMessage;

/**
 * A two-party therapy transcript, ready to be placed before a stimulus: its turns alternate and
 * start with the client, so every even prefix ends with a clinician turn. Load with
 * {@link TranscriptLoader}; the file format is documented in {@code stimuli/README.md}.
 *
 * @param id         stable id used in record keys (lower-case letters, digits, {@code _})
 * @param conditions condition ids this transcript shows; empty means "place every stimulus in it"
 * @param turns      the dialogue, alternating, starting with the client
 * @param source     the file it came from, or {@code null}
 * @param sha256     SHA-256 of that file, or {@code null}
 * @param droppedLeadingClinicianTurn true when the file started with a clinician turn, which was
 *                   dropped (as the paper did) so the dialogue starts with the client
 */
public record Transcript(String id, Set<String> conditions, List<Turn> turns, Path source, String sha256,
                         boolean droppedLeadingClinicianTurn) {

    public Transcript {
        Objects.requireNonNull(id, "id");
        conditions = Set.copyOf(conditions);
        turns = List.copyOf(turns);
        for (int i = 0; i < turns.size(); i++) {
            Speaker expected = i % 2 == 0 ? Speaker.CLIENT : Speaker.CLINICIAN;
            if (turns.get(i).speaker() != expected) {
                throw new IllegalArgumentException("transcript " + id + ": turn " + (i + 1) + " should be the "
                        + expected.fileName() + "'s (turns alternate, starting with the client)");
            }
        }
    }

    /** Number of turns. */
    public int length() {
        return turns.size();
    }

    /** Whether stimuli of {@code condition} are placed in this transcript. */
    public boolean shows(String condition) {
        return conditions.isEmpty() || conditions.contains(condition);
    }

    /**
     * The first {@code messageNumber} turns as chat messages (client → user, clinician → assistant).
     *
     * @throws IllegalArgumentException unless {@code messageNumber} is even and at most {@link #length()}
     *                                  (an odd prefix would end with the client, and the stimulus is
     *                                  the client's next turn)
     */
    public List<ChatMessage> prefix(int messageNumber) {
        if (messageNumber < 0 || messageNumber > turns.size() || messageNumber % 2 != 0) {
            throw new IllegalArgumentException("transcript " + id + ": a prefix needs an even number of turns "
                    + "between 0 and " + turns.size() + ", got " + messageNumber);
        }
        return turns.subList(0, messageNumber).stream().map(Turn::message).toList();
    }
}
