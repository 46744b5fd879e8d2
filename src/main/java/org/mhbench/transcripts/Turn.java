package org.mhbench.transcripts;

import java.util.Objects;
import org.mhbench.generate.ChatMessage;

/**
 * One turn of a transcript.
 *
 * @param speaker who speaks
 * @param text    what they say, exactly as in the file
 */
public record Turn(Speaker speaker, String text) {

    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** The turn as a chat message: client → user, clinician → assistant. */
    public ChatMessage message() {
        return new ChatMessage(speaker.role(), text);
    }
}
