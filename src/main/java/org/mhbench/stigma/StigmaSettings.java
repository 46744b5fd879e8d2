package org.mhbench.stigma;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mhbench.stimuli.SystemPrompt;

/**
 * How the stigma prompts are generated. Defaults follow the paper (§1.4): temperature 0, at most
 * 10 tokens, one sample, free decoding.
 *
 * @param systemPrompts system-prompt settings to run, each a separate setting (distinct labels)
 * @param decodings     decodings to run; {@link Decoding#GRAMMAR} adds a separately keyed variant
 * @param temperature   sampling temperature, ≥ 0 (0 = greedy)
 * @param maxTokens     token cap per answer, ≥ 1
 * @param seed          base sampler seed; sample {@code i} uses {@code seed + i}
 * @param samples       samples per prompt, ≥ 1 (more than one only makes sense with temperature > 0)
 * @param fullAnswers   generate every answer to its cap; otherwise generation stops once the strict
 *                      parser's verdict cannot change ({@link org.mhbench.generate.StopRule#FIRST_WORD}),
 *                      which gives the same strict scores from fewer tokens (the lenient parser wants
 *                      full answers)
 */
public record StigmaSettings(List<SystemPrompt> systemPrompts, Set<Decoding> decodings, double temperature,
                             int maxTokens, long seed, int samples, boolean fullAnswers) {

    public static final double DEFAULT_TEMPERATURE = 0.0;
    public static final int DEFAULT_MAX_TOKENS = 10;
    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_SAMPLES = 1;

    public StigmaSettings {
        systemPrompts = SystemPrompt.requireDistinctLabels(systemPrompts);
        if (decodings == null || decodings.isEmpty()) {
            throw new IllegalArgumentException("at least one decoding (free or grammar) is needed");
        }
        decodings = java.util.Collections.unmodifiableSet(EnumSet.copyOf(decodings));
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be >= 1, got " + maxTokens);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
    }

    /** Settings whose answers stop once decided. */
    public StigmaSettings(List<SystemPrompt> systemPrompts, Set<Decoding> decodings, double temperature,
                          int maxTokens, long seed, int samples) {
        this(systemPrompts, decodings, temperature, maxTokens, seed, samples, false);
    }

    /** The paper's settings for the given system prompts: temperature 0, 10 tokens, seed 0, 1 sample, free. */
    public static StigmaSettings paper(List<SystemPrompt> systemPrompts) {
        return new StigmaSettings(systemPrompts, EnumSet.of(Decoding.FREE), DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS,
                DEFAULT_SEED, DEFAULT_SAMPLES);
    }
}
