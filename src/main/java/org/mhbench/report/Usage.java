package org.mhbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.Completion;
import org.mhbench.runfolder.ResponseRecord;

/**
 * What generating a run cost, per model and experiment: items, failures, tokens in and out, and
 * the time llama.cpp spent on them. Derived from {@code responses.jsonl} alone, so it can be
 * recomputed for any run. Imported records (token counts −1) count as items but add no tokens.
 *
 * @param model              model label
 * @param experiment         experiment id
 * @param items              records
 * @param failed             records without output
 * @param promptTokens       prompt tokens of the answered items
 * @param cachedTokens       of those, tokens reused from the prompt cache (not evaluated), where the backend
 *                           says; the in-process backend's figure is estimated (common prefix with the
 *                           slot's previous prompt)
 * @param completionTokens   generated tokens of the answered items
 * @param promptSeconds      time to first token, summed
 * @param generationSeconds  time from first to last token, summed
 */
public record Usage(String model, String experiment, long items, long failed, long promptTokens, long cachedTokens,
                    long completionTokens, double promptSeconds, double generationSeconds) {

    /** CSV header of {@code usage.csv}, in column order (llama-bench's t/s naming for speeds). */
    public static final List<String> HEADER = List.of("model", "experiment", "items", "failed", "prompt_tokens",
            "cached_tokens", "evaluated_tokens", "completion_tokens", "prompt_seconds", "generation_seconds",
            "pp_tokens_per_second", "tg_tokens_per_second", "items_per_second");

    /** Prompt tokens evaluated (not taken from the prompt cache). */
    public long evaluatedTokens() {
        return promptTokens - cachedTokens;
    }

    /**
     * Prompt-processing speed: evaluated prompt tokens per second of time-to-first-token (cached tokens
     * cost nothing and are not counted); NaN without data.
     */
    public double promptTokensPerSecond() {
        return promptSeconds > 0 ? evaluatedTokens() / promptSeconds : Double.NaN;
    }

    /** Items per second of model time (prompt processing and generation; no judging, no start-up). */
    public double itemsPerSecond() {
        double seconds = promptSeconds + generationSeconds;
        return seconds > 0 ? (items - failed) / seconds : Double.NaN;
    }

    /** Generation speed: tokens after the first per second of generation time; NaN without data. */
    public double generationTokensPerSecond() {
        long after = completionTokens - (items - failed);
        return generationSeconds > 0 && after > 0 ? after / generationSeconds : Double.NaN;
    }

    /** One row per (model, experiment), in order of first appearance. */
    public static List<Usage> of(List<ResponseRecord> records) {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, double[]> times = new LinkedHashMap<>();
        for (ResponseRecord r : records) {
            List<String> key = List.of(r.model(), r.experiment());
            long[] c = counts.computeIfAbsent(key, k -> new long[5]);
            double[] t = times.computeIfAbsent(key, k -> new double[2]);
            c[0]++;
            Completion done = r.completion();
            if (done == null) {
                c[1]++;
            } else if (done.promptTokens() >= 0 && done.completionTokens() >= 0) {
                c[2] += done.promptTokens();
                c[3] += done.completionTokens();
                c[4] += done.cachedTokens() == null ? 0 : done.cachedTokens();
                t[0] += done.promptMillis() / 1000.0;
                t[1] += done.generationMillis() / 1000.0;
            }
        }
        List<Usage> out = new ArrayList<>();
        for (Map.Entry<List<String>, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            double[] t = times.get(e.getKey());
            out.add(new Usage(e.getKey().get(0), e.getKey().get(1), c[0], c[1], c[2], c[4], c[3], t[0], t[1]));
        }
        return out;
    }
}
