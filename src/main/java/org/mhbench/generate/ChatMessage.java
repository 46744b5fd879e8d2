package org.mhbench.generate;

import java.util.Objects;

/**
 * One turn of a conversation, as sent to a {@link ChatModel}.
 *
 * @param role    who speaks
 * @param content the text of the turn, exactly as sent (no trimming)
 */
public record ChatMessage(Role role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }
}
