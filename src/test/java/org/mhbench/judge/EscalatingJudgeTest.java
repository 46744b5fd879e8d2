package org.mhbench.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.cli.CliRun;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RunDirectory;

/** {@code --escalate}: only the first judge's unsure verdicts go to the second, and each verdict says who decided. */
class EscalatingJudgeTest {

    static Judge fake(String id, Function<JudgeInput, Verdict> f, List<String> asked) {
        return new Judge() {
            @Override
            public JudgeInfo info() {
                return new JudgeInfo(id, "1", "none", Map.of());
            }

            @Override
            public boolean supports(String criterion) {
                return true;
            }

            @Override
            public Verdict judge(JudgeInput input) {
                asked.add(input.id());
                return f.apply(input);
            }

            @Override
            public void close() {
            }
        };
    }

    static JudgeInput input(String id) {
        return new JudgeInput(id, "bridge", "Does it name a bridge?", "q", "r");
    }

    @Test
    void onlyFlaggedVerdictsAreEscalatedAndEachSaysWhoDecided() {
        List<String> firstAsked = new ArrayList<>();
        List<String> secondAsked = new ArrayList<>();
        Judge first = fake("onnx:a", in -> in.id().startsWith("unsure") ? new Verdict("yes", 0.55, true)
                : new Verdict("no", 0.05, false), firstAsked);
        Judge second = fake("llm:b", in -> new Verdict("no", 0.1, false), secondAsked);
        EscalatingJudge j = new EscalatingJudge(first, second);
        assertEquals("onnx:a=>llm:b", j.info().id());
        List<Verdict> v = j.judgeAll(List.of(input("sure-1"), input("unsure-2"), input("sure-3")));
        assertEquals(List.of("sure-1", "unsure-2", "sure-3"), firstAsked);
        assertEquals(List.of("unsure-2"), secondAsked, "only the flagged verdict is asked again");
        assertEquals("onnx:a", v.get(0).decidedBy());
        assertNull(v.get(0).reason());
        assertEquals("llm:b", v.get(1).decidedBy());
        assertEquals("no", v.get(1).answer(), "the second judge's answer stands");
        assertFalse(v.get(1).needsReview());
        assertTrue(v.get(1).reason().contains("onnx:a needed review (p_yes 0.55"), v.get(1).reason());
    }

    @Test
    void aRunWithEscalationRecordsWhoDecided(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        String tiny = TestFixtures.tinyModel().toString();
        CliRun r = CliRun.of("run", "-e", "responses", "-m", tiny, "--backend", "jni", "-t", "1", "--max-tokens", "16",
                "--system-prompt", "none", "--judge", "onnx", "--escalate", "llm:" + tiny, "--no-score", "--out",
                dir.toString());
        assertEquals(0, r.status(), r.err());
        List<Judgment> judgments = RunDirectory.readJudgments(dir);
        assertFalse(judgments.isEmpty());
        for (Judgment j : judgments) {
            assertTrue(j.judge().contains("=>llm:"), j.judge());
            assertTrue(j.decidedBy().startsWith("onnx:") || j.decidedBy().startsWith("llm:"), j.decidedBy());
            assertEquals(j.decidedBy().startsWith("llm:"), j.reason() != null);
        }
        JsonNode manifest = org.mhbench.util.Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("escalating", manifest.path("judges").path(0).path("details").path("kind").asText());
        assertTrue(Files.readString(dir.resolve("judgments.jsonl")).contains("\"decidedBy\""));
    }
}
