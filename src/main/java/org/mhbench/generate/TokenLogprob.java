package org.mhbench.generate;

import java.util.List;
import java.util.Objects;

/**
 * One generated token with its log-probability and the most likely alternatives at that step, as
 * llama.cpp (and OpenAI-compatible servers) report them: natural-log probabilities of the model's
 * distribution before sampling.
 *
 * @param token   the token's text
 * @param logprob its log-probability
 * @param top     the most likely tokens at this step, most likely first (may include {@code token})
 */
public record TokenLogprob(String token, double logprob, List<Alternative> top) {

    public TokenLogprob {
        Objects.requireNonNull(token, "token");
        top = List.copyOf(Objects.requireNonNullElse(top, List.of()));
    }

    /** A candidate token at one step. */
    public record Alternative(String token, double logprob) {
    }
}
