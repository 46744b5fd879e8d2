package org.mhbench.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ModelInfo;

/**
 * One measurement, named as llama-bench names its fields so that a line of {@code mhbench bench -o json}
 * sits beside {@code llama-bench -o json} from the same machine.
 *
 * @param modelFilename the GGUF
 * @param modelType     architecture and quantization, e.g. {@code llama Q8_0}
 * @param modelSize     file bytes
 * @param modelNParams  parameters
 * @param backend       mhbench backend id
 * @param build         the binding's or llama-server's version
 * @param nThreads      threads
 * @param nPrompt       prompt tokens of a pp test (0 otherwise)
 * @param nGen          generated tokens per request of a tg test (0 otherwise)
 * @param nParallel     concurrent requests
 * @param test          {@code pp512}, {@code tg128}, {@code tg128x4} (aggregate of 4 slots), {@code stigma},
 *                      {@code responses} (items/s), {@code judge:ID} (verdicts/s)
 * @param avgTs         mean tokens/s (items/s for item tests)
 * @param stddevTs      standard deviation of the repetitions
 * @param samplesTs     each repetition's rate
 */
public record BenchRow(@JsonProperty("model_filename") String modelFilename,
                       @JsonProperty("model_type") String modelType,
                       @JsonProperty("model_size") long modelSize,
                       @JsonProperty("model_n_params") long modelNParams,
                       @JsonProperty("backend") String backend,
                       @JsonProperty("build") String build,
                       @JsonProperty("n_threads") int nThreads,
                       @JsonProperty("n_prompt") int nPrompt,
                       @JsonProperty("n_gen") int nGen,
                       @JsonProperty("n_parallel") int nParallel,
                       @JsonProperty("test") String test,
                       @JsonProperty("avg_ts") double avgTs,
                       @JsonProperty("stddev_ts") double stddevTs,
                       @JsonProperty("samples_ts") List<Double> samplesTs) {

    public BenchRow {
        samplesTs = List.copyOf(samplesTs);
    }

    static BenchRow of(ModelInfo m, Backend backend, String test, int threads, int nPrompt, int nGen, int parallel,
                       List<Double> rates) {
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = 0;
        if (rates.size() > 1) {
            double ss = rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum();
            sd = Math.sqrt(ss / (rates.size() - 1));
        }
        return new BenchRow(m.path(), m.architecture() + " " + m.quantization(), m.fileBytes(), m.parameters(),
                backend.id(), m.bindingVersion(), threads, nPrompt, nGen, parallel, test, mean, sd, rates);
    }

    /** Columns of the csv and markdown outputs. */
    public static final List<String> COLUMNS = List.of("model_type", "backend", "n_threads", "n_parallel", "test",
            "avg_ts", "stddev_ts");
}
