package org.mhbench.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a model wrote, and what it cost.
 *
 * @param text             the generated text, exactly as decoded (stop strings removed)
 * @param promptTokens     tokens in the templated prompt, BOS included; -1 when unknown (imported)
 * @param completionTokens tokens generated, as streamed by the server (a token that ends inside a
 *                         multi-byte character is merged with the next); -1 when unknown
 * @param finishReason     why generation ended; {@code null} when unknown (imported)
 * @param promptMillis     wall time from request to first generated token (prompt processing), ms
 * @param generationMillis wall time from first to last generated token, ms
 * @param logprobs         per generated token, its log-probability and the top alternatives, when the
 *                         request asked for them ({@link ChatRequest#topLogprobs()}); otherwise empty and
 *                         not written to files
 * @param cachedTokens     prompt tokens reused from the prompt cache (not evaluated again), where the backend
 *                         says ({@code null}: unknown, e.g. the in-process backend)
 */
public record Completion(String text, int promptTokens, int completionTokens, FinishReason finishReason,
                         double promptMillis, double generationMillis,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TokenLogprob> logprobs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer cachedTokens) {

    public Completion {
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }

    /** A completion without token probabilities or cache figures. */
    public Completion(String text, int promptTokens, int completionTokens, FinishReason finishReason,
                      double promptMillis, double generationMillis) {
        this(text, promptTokens, completionTokens, finishReason, promptMillis, generationMillis, List.of(), null);
    }

    /** Prompt tokens evaluated for this request (all of them when the cache is unknown). */
    public int evaluatedTokens() {
        return cachedTokens == null || promptTokens < 0 ? promptTokens : Math.max(0, promptTokens - cachedTokens);
    }

    /** Generated tokens per second after the first token, or NaN when fewer than two were generated. */
    public double tokensPerSecond() {
        if (completionTokens < 2 || generationMillis <= 0) {
            return Double.NaN;
        }
        return (completionTokens - 1) / (generationMillis / 1000.0);
    }

    /** Why a generation ended. */
    public enum FinishReason {
        /** the model produced an end-of-generation token or a stop string */
        STOP,
        /** the max-token cap was reached */
        LENGTH,
        /** the request's {@link StopRule} found its answer decided; the rest was not generated */
        DECIDED
    }
}
