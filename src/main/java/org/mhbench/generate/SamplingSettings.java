package org.mhbench.generate;

import java.util.List;
import java.util.Objects;

/**
 * Per-request decoding settings.
 *
 * @param temperature  sampling temperature; 0 means greedy (the paper's setting)
 * @param maxTokens    hard cap on generated tokens; always set, because the binding otherwise
 *                     generates up to the context size
 * @param seed         sampler seed; with temperature 0 it has no effect on the output
 * @param stop         stop strings; generation ends before the first occurrence
 * @param grammar      optional GBNF grammar constraining the output, or {@code null}
 * @param stopRule     end generation once this rule's answer is decided, or {@code null} to run to a stop
 *                     string, end of generation or the cap
 */
public record SamplingSettings(double temperature, int maxTokens, long seed, List<String> stop, String grammar,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) StopRule stopRule) {

    public SamplingSettings {
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be >= 1, got " + maxTokens);
        }
        stop = List.copyOf(Objects.requireNonNullElse(stop, List.of()));
    }

    /** Settings without a stop rule. */
    public SamplingSettings(double temperature, int maxTokens, long seed, List<String> stop, String grammar) {
        this(temperature, maxTokens, seed, stop, grammar, null);
    }

    public SamplingSettings withStopRule(StopRule rule) {
        return new SamplingSettings(temperature, maxTokens, seed, stop, grammar, rule);
    }

    /** Greedy decoding with the given token cap and seed, no stop strings, no grammar. */
    public static SamplingSettings greedy(int maxTokens, long seed) {
        return new SamplingSettings(0.0, maxTokens, seed, List.of(), null);
    }

    public SamplingSettings withSeed(long newSeed) {
        return new SamplingSettings(temperature, maxTokens, newSeed, stop, grammar, stopRule);
    }

    public SamplingSettings withGrammar(String newGrammar) {
        return new SamplingSettings(temperature, maxTokens, seed, stop, newGrammar, stopRule);
    }
}
