package org.mhbench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mhbench.experiments.ScoreSettings;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ModelConfig;
import org.mhbench.stimuli.Experiment;

/**
 * Everything a run does, decided before it starts: built by the command line (or any other caller) and
 * handed to {@link RunPipeline}.
 *
 * @param out         the run folder
 * @param resume      continue the run already in {@code out} (its settings must equal these)
 * @param command     the command line, recorded in a new run's manifest
 * @param models      the models, in order
 * @param experiments the experiments, in order, built from their stimuli
 * @param backend     where the models run
 * @param judge       how replies of the responses experiment are judged as they come, or {@code null}
 * @param limit       only the first N prompts of each experiment (0: all)
 * @param maxRestarts how many dead workers of a model are replaced before the model is given up
 * @param scoring     how to score the run when generation ends, or {@code null} not to score
 * @param stimuliRoot the stimulus folder the experiments were built from (for scoring)
 * @param wattsPerCore a busy core's draw for the energy estimate where RAPL cannot be read
 * @param shard       run only this shard of the prompts, or {@code null} for all
 */
public record RunSpec(Path out, boolean resume, List<String> command, List<ModelConfig> models,
                      List<Experiment> experiments, Backend backend, Judging judge, int limit, int maxRestarts,
                      ScoreSettings scoring, Path stimuliRoot, double wattsPerCore, Shard shard) {

    public RunSpec {
        Objects.requireNonNull(out, "out");
        command = List.copyOf(command);
        models = List.copyOf(models);
        experiments = List.copyOf(experiments);
        Objects.requireNonNull(backend, "backend");
        if (limit < 0 || maxRestarts < 0 || !(wattsPerCore >= 0)) {
            throw new IllegalArgumentException("limit and maxRestarts must be >= 0");
        }
    }

    /**
     * Judging during a run.
     *
     * @param spec      the judge ({@code onnx}, {@code onnx:DIR}, {@code llm:FILE.gguf}), already checked
     * @param threads   an LLM judge's threads (the ONNX judge's encoder threads)
     * @param gpuLayers an LLM judge's offloaded layers
     * @param seed      its option-order seed
     */
    public record Judging(String spec, int threads, int gpuLayers, long seed) {
        public Judging {
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** The run's id in folder names and the manifest: the experiment ids joined by {@code +}. */
    public String experimentId() {
        return String.join("+", experiments.stream().map(Experiment::id).toList());
    }
}
