package org.mhbench.judge;

import java.util.Map;

/**
 * What judged a run, recorded in its manifest: results are only comparable under the same judge.
 *
 * @param id                  e.g. {@code onnx:mhbench-judge-e5} or {@code llm:qwen2.5-7b-q4}
 * @param version             the judge's version
 * @param trainingDataSha256  hash of the labels it was trained on; for an LLM judge, of its model file
 * @param details             anything else worth recording (encoder, thresholds, model hash, …)
 */
public record JudgeInfo(String id, String version, String trainingDataSha256, Map<String, Object> details) {

    public JudgeInfo {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
