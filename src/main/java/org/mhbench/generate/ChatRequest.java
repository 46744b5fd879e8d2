package org.mhbench.generate;

import java.util.List;
import java.util.Objects;

/**
 * Messages in, settings for how to continue them.
 *
 * @param messages    the conversation; the model writes the next assistant turn
 * @param sampling    decoding settings for this request
 * @param topLogprobs how many most-likely tokens to report per generated token (0 = none); a backend
 *                    that cannot report them refuses a request that asks
 */
public record ChatRequest(List<ChatMessage> messages, SamplingSettings sampling, int topLogprobs) {

    public ChatRequest {
        messages = List.copyOf(messages);
        Objects.requireNonNull(sampling, "sampling");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (topLogprobs < 0) {
            throw new IllegalArgumentException("top logprobs must be >= 0, got " + topLogprobs);
        }
    }

    /** A request without token probabilities. */
    public ChatRequest(List<ChatMessage> messages, SamplingSettings sampling) {
        this(messages, sampling, 0);
    }
}
