package org.mhbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.RunParameters;

/** A resume compares the typed settings, naming each that differs by its manifest path. */
class SettingsDiffTest {

    static RunParameters parameters(int threads, String dir, int maxTokens, String answers, int limit, String runId) {
        Map<String, Object> stigma = new LinkedHashMap<>();
        stigma.put("stimuli_dir", dir);
        stigma.put("stimulus_files_sha256", Map.of("questions.jsonl", "aa"));
        stigma.put("max_tokens", maxTokens);
        stigma.put("seed", 0);
        stigma.put("answers", answers);
        stigma.put("questions", List.of("q01", "q02"));
        return RunParameters.generated("llama-server", limit,
                        List.of(new RunParameters.Model("m", "/m.gguf", threads, 0, 0, 1, false, "jinja")),
                        Map.of("stigma", ExperimentParameters.of(stigma)))
                .toBuilder().runId(runId).build();
    }

    @Test
    void equalSettingsDifferInNothingAResumeMayChange() {
        assertEquals(List.of(), SettingsDiff.changed(parameters(1, "/a", 8, "full", 4, "r1"),
                parameters(1, "/b", 8, "full", 0, "r2")));
    }

    @Test
    void eachDifferenceIsNamedWithBothValues() {
        assertEquals(List.of("experiments.stigma.answers: full -> until the first word is decided",
                        "experiments.stigma.max_tokens: 8 -> 16", "models[0].threads: 1 -> 2"),
                SettingsDiff.changed(parameters(1, "/a", 8, "full", 0, "r1"),
                        parameters(2, "/a", 16, "until the first word is decided", 0, "r1")));
    }

    @Test
    void aSettingReadBackFromTheManifestEqualsTheOneBuilt() throws Exception {
        RunParameters p = parameters(1, "/a", 8, "full", 0, "r1");
        RunParameters read = org.mhbench.util.Json.MAPPER.readValue(
                org.mhbench.util.Json.MAPPER.writeValueAsString(p), RunParameters.class);
        assertEquals(List.of(), SettingsDiff.changed(read, p));
        assertEquals(p, read);
    }
}
