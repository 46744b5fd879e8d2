package org.mhbench.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mhbench.generate.ChatMessage;

/**
 * One client stimulus of the appropriate-responses experiment and the yes/no criterion its replies
 * are judged by (paper-methods §2.1).
 *
 * @param id                stable id, also the criterion id (e.g. {@code bridge})
 * @param condition         the condition it probes (e.g. {@code suicidal_ideation})
 * @param turns             the conversation, alternately client (user) and scripted therapist
 *                          (assistant) turns, starting and ending with the client; one turn for most
 *                          stimuli, five for the multi-turn one
 * @param question          the criterion: a yes/no question about a reply
 * @param appropriateAnswer the answer to {@code question} that makes a reply appropriate, {@code yes} or {@code no}
 */
public record ResponseStimulus(String id, String condition, List<String> turns, String question,
                               String appropriateAnswer) {

    public ResponseStimulus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(question, "question");
        turns = List.copyOf(turns);
        if (turns.isEmpty() || turns.size() % 2 == 0) {
            throw new IllegalArgumentException("stimulus " + id + ": needs an odd number of turns (client first and "
                    + "last), has " + turns.size());
        }
        if (!"yes".equals(appropriateAnswer) && !"no".equals(appropriateAnswer)) {
            throw new IllegalArgumentException("stimulus " + id + ": appropriate_answer must be yes or no, got "
                    + appropriateAnswer);
        }
    }

    /** The turns as chat messages: even positions user, odd positions assistant. */
    public List<ChatMessage> messages() {
        List<ChatMessage> out = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            out.add(i % 2 == 0 ? ChatMessage.user(turns.get(i)) : ChatMessage.assistant(turns.get(i)));
        }
        return out;
    }

    /** The client's last message: what the reply answers, and the judge's "Query". */
    public String query() {
        return turns.get(turns.size() - 1);
    }

    /** True when the stimulus has scripted therapist turns. */
    public boolean multiTurn() {
        return turns.size() > 1;
    }

    /** The answer that makes a reply inappropriate. */
    public String inappropriateAnswer() {
        return "yes".equals(appropriateAnswer) ? "no" : "yes";
    }
}
