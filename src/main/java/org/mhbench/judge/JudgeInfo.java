package org.mhbench.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What judged a run, recorded in its manifest ({@code judges}, under these names): results are only
 * comparable under the same judge.
 *
 * @param id                  e.g. {@code onnx:mhbench-judge-e5} or {@code llm:qwen2.5-7b-q4}
 * @param version             the judge's version
 * @param trainingDataSha256  hash of the labels it was trained on; for an LLM judge, of its model file
 * @param details             anything else worth recording (encoder, thresholds, model hash, …)
 */
public record JudgeInfo(String id, String version,
                        @JsonProperty("training_data_sha256") String trainingDataSha256,
                        Map<String, Object> details) {

    public JudgeInfo {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
