package org.mhbench.responses;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.transcripts.Transcript;

/**
 * How the appropriate-responses prompts are generated. Defaults follow the paper (§2.3):
 * temperature 0, at most 512 tokens, one sample, no transcript, no bridging turn.
 *
 * @param systemPrompts system-prompt settings (distinct labels); each system message ends with the
 *                      character-limit instruction, which is the whole message for {@code none}
 * @param temperature   sampling temperature, ≥ 0
 * @param maxTokens     token cap per reply, ≥ 1
 * @param seed          base sampler seed; sample {@code i} uses {@code seed + i}
 * @param samples       samples per prompt, ≥ 1. At temperature 0 a local model repeats itself, so
 *                      more samples only help with temperature &gt; 0
 * @param transcripts   transcripts to place the stimuli in (context {@code transcript}); empty for
 *                      none. The stimuli alone (context {@code none}) are always generated too
 * @param placement     where in each transcript the stimuli go
 * @param contextualize insert a bridging client turn (written by {@code bridgeModel}) plus an empty
 *                      assistant turn before the final client message of every prompt longer than
 *                      system + one message (paper-methods §2.2, "contextualize")
 * @param bridgeModel   the GGUF that writes bridging turns; required when {@code contextualize}
 */
public record ResponsesSettings(List<SystemPrompt> systemPrompts, double temperature, int maxTokens, long seed,
                                int samples, List<Transcript> transcripts, Placement placement, boolean contextualize,
                                Path bridgeModel) {

    public static final double DEFAULT_TEMPERATURE = 0.0;
    public static final int DEFAULT_MAX_TOKENS = 512;
    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_SAMPLES = 1;

    public ResponsesSettings {
        systemPrompts = SystemPrompt.requireDistinctLabels(systemPrompts);
        transcripts = List.copyOf(transcripts);
        Objects.requireNonNull(placement, "placement");
        Set<String> ids = new HashSet<>();
        for (Transcript t : transcripts) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("two transcripts share the id " + t.id());
            }
        }
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be >= 1, got " + maxTokens);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        if (contextualize && bridgeModel == null) {
            throw new IllegalArgumentException("contextualizing needs a bridge model (--bridge-model FILE.gguf) to "
                    + "write the bridging turns");
        }
    }

    /** The paper's settings (temperature 0, 512 tokens, seed 0, one sample) without transcripts. */
    public static ResponsesSettings paper(List<SystemPrompt> systemPrompts) {
        return new ResponsesSettings(systemPrompts, DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS, DEFAULT_SEED,
                DEFAULT_SAMPLES, List.of(), Placement.paper(), false, null);
    }

    public ResponsesSettings withTranscripts(List<Transcript> newTranscripts, Placement newPlacement) {
        return new ResponsesSettings(systemPrompts, temperature, maxTokens, seed, samples, newTranscripts,
                newPlacement, contextualize, bridgeModel);
    }

    public ResponsesSettings withBridging(Path model) {
        return new ResponsesSettings(systemPrompts, temperature, maxTokens, seed, samples, transcripts, placement,
                model != null, model);
    }

    public ResponsesSettings withSampling(double newTemperature, int newMaxTokens, long newSeed, int newSamples) {
        return new ResponsesSettings(systemPrompts, newTemperature, newMaxTokens, newSeed, newSamples, transcripts,
                placement, contextualize, bridgeModel);
    }
}
