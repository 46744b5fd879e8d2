package org.mhbench.generate;

import java.util.List;
import java.util.Objects;

/**
 * Messages in, settings for how to continue them.
 *
 * @param messages the conversation; the model writes the next assistant turn
 * @param sampling decoding settings for this request
 */
public record ChatRequest(List<ChatMessage> messages, SamplingSettings sampling) {

    public ChatRequest {
        messages = List.copyOf(messages);
        Objects.requireNonNull(sampling, "sampling");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }
}
