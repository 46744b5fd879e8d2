package org.mhbench.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.Verdict;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.transcripts.Transcript;

/** The judge and bridge stages: append-only, resumable files, what is judged and what is not. */
class StagesTest {

    @TempDir
    Path dir;

    /** A judge that says yes when the reply mentions "bridge", and counts its calls. */
    static final class KeywordJudge implements Judge {
        final List<JudgeInput> seen = new ArrayList<>();
        private final JudgeInfo info;

        KeywordJudge() {
            this(new JudgeInfo("keyword", "1", "none", Map.of()));
        }

        KeywordJudge(JudgeInfo info) {
            this.info = info;
        }

        @Override
        public JudgeInfo info() {
            return info;
        }

        @Override
        public boolean supports(String criterion) {
            return !criterion.equals("books");
        }

        @Override
        public Verdict judge(JudgeInput input) {
            seen.add(input);
            boolean yes = input.response().contains("bridge");
            return new Verdict(yes ? "yes" : "no", yes ? 1 : 0, false);
        }

        @Override
        public void close() {
        }
    }

    static ResponseRecord record(Prompt p, String output) {
        return new ResponseRecord("m:" + p.setting() + ":" + p.stimulus() + ":" + p.sample(), p.experiment(), "m",
                "ab".repeat(32), p.systemPrompt(), p.context(), p.condition(), p.stimulus(), p.item(), p.sample(),
                p.sampling().seed(), p.attributes(), p.messages(),
                output == null ? null : new Completion(output, 1, 1, Completion.FinishReason.STOP, 0, 0),
                output == null ? new Failure("CONTEXT_OVERFLOW", "too long") : null, Instant.EPOCH);
    }

    private static List<ResponseRecord> records() {
        List<Prompt> prompts = new ResponsesExperiment(ConversationBuilderTest.STIMULI,
                ResponsesSettings.paper(List.of(SystemPrompt.none()))).prompts();
        List<ResponseRecord> out = new ArrayList<>();
        for (Prompt p : prompts) {
            out.add(record(p, p.stimulus().equals("dead") ? null : "about the bridge"));
        }
        return out;
    }

    @Test
    void judgesRepliesOnceSkipsFailuresAndUnsupportedCriteriaAndResumes() throws IOException {
        List<ResponseRecord> records = records();
        KeywordJudge judge = new KeywordJudge();
        JudgeStage.Outcome first;
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            JudgeStage stage = new JudgeStage(judge, log);
            assertEquals(1, stage.judge(records.get(0)).judged(), "judging as it goes");
            first = stage.judgeAll(records, j -> { });
        }
        assertEquals(7, first.judged(), "10 minus the one already judged, the failed one and the unsupported one");
        assertEquals(1, first.alreadyJudged());
        assertEquals(1, first.unsupported());
        JudgeInput in = judge.seen.get(0);
        assertEquals(records.get(0).id(), in.id());
        assertEquals("bridge", in.criterion());
        assertEquals(records.get(0).attributes().get("question"), in.question());
        assertEquals(records.get(0).attributes().get("query"), in.query());

        List<Judgment> saved = RunDirectory.readJudgments(dir);
        assertEquals(8, saved.size());
        Judgment bridge = saved.get(0);
        assertEquals("keyword", bridge.judge());
        assertEquals("yes", bridge.answer());
        assertEquals("no", bridge.appropriateAnswer());
        assertFalse(bridge.appropriate());

        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            JudgeStage.Outcome again = new JudgeStage(judge, log).judgeAll(records, j -> { });
            assertEquals(0, again.judged(), "resumed: nothing judged twice");
            assertEquals(8, again.alreadyJudged());
        }
    }

    /**
     * A judge retrained under the same name (another version or training data) never has its records
     * counted as "already judged" by the first: the stage refuses to start, naming both.
     */
    @Test
    void verdictsOfAnotherJudgeUnderTheSameNameAreNeverTakenForThisOnes() throws IOException {
        List<ResponseRecord> records = records();
        KeywordJudge shipped = new KeywordJudge(new JudgeInfo("onnx:j", "1", "a".repeat(64), Map.of()));
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            assertEquals(8, new JudgeStage(shipped, log).judgeAll(records, j -> { }).judged());
        }
        Judgment first = RunDirectory.readJudgments(dir).get(0);
        assertEquals("1", first.judgeVersion(), "each verdict records its judge's version");
        assertEquals("a".repeat(64), first.judgeTrainingDataSha256(), "and its training data");

        for (JudgeInfo other : List.of(new JudgeInfo("onnx:j", "1", "b".repeat(64), Map.of()),
                new JudgeInfo("onnx:j", "2", "a".repeat(64), Map.of()))) {
            KeywordJudge retrained = new KeywordJudge(other);
            try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
                JudgeConflictException e = assertThrows(JudgeConflictException.class,
                        () -> new JudgeStage(retrained, log));
                assertTrue(e.getMessage().contains("onnx:j") && e.getMessage().contains("another judge of that name")
                        && e.getMessage().contains("train-judge --id NAME"), e.getMessage());
            }
            assertTrue(retrained.seen.isEmpty());
        }
        KeywordJudge renamed = new KeywordJudge(new JudgeInfo("onnx:j-bbbbbbbb", "1", "b".repeat(64), Map.of()));
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            JudgeStage.Outcome o = new JudgeStage(renamed, log).judgeAll(records, j -> { });
            assertEquals(8, o.judged(), "another judge judges everything");
            assertEquals(0, o.alreadyJudged());
        }
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            assertEquals(8, new JudgeStage(shipped, log).judgeAll(records, j -> { }).alreadyJudged(),
                    "the same judge resumes");
        }
    }

    /** Verdicts written before judgments recorded version and training data: the manifest tells the judges apart. */
    @Test
    void theManifestCatchesAnOlderRunsJudgeOfTheSameName() {
        List<JudgeInfo> judges = List.of(new JudgeInfo("onnx:j", "1", "a".repeat(64), Map.of()));
        JudgeStage.checkManifest(judges, new JudgeInfo("onnx:j", "1", "a".repeat(64), Map.of()), dir);
        JudgeStage.checkManifest(judges, new JudgeInfo("onnx:k", "1", "b".repeat(64), Map.of()), dir);
        assertThrows(JudgeConflictException.class, () -> JudgeStage.checkManifest(judges,
                new JudgeInfo("onnx:j", "1", "b".repeat(64), Map.of()), dir));

        Judgment legacy = new Judgment("r", "onnx:j", "bridge", "no", 0, false, "no", true, Instant.EPOCH);
        assertTrue(legacy.madeBy(new JudgeInfo("onnx:j", "1", "a".repeat(64), Map.of())),
                "a verdict that does not say resumes as before");
        assertFalse(legacy.madeBy(new JudgeInfo("onnx:k", "1", "a".repeat(64), Map.of())));
    }

    @Test
    void aHalfWrittenLastLineIsCutOnOpen() throws IOException {
        KeywordJudge judge = new KeywordJudge();
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            new JudgeStage(judge, log).judgeAll(records().subList(0, 2), j -> { });
        }
        Path file = dir.resolve(Judgment.FILE);
        Files.writeString(file, "{\"recordId\":\"x\",\"jud", StandardOpenOption.APPEND);
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir)) {
            assertTrue(log.repairedTornLine());
            assertEquals(2, log.records().size());
            assertThrows(IllegalStateException.class, () -> log.append(log.records().get(0)));
        }
        Files.writeString(file, "not json\n", StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> RunDirectory.readJudgments(dir));
        assertTrue(e.getMessage().contains(Judgment.FILE + ":3: "), e.getMessage());
    }

    @Test
    void bridgesAreWrittenOnceRecordedWithTheirRequestAndFailuresKept() throws Exception {
        Transcript t = ResponsesExperimentTest.transcript("t1", 60, java.util.Set.of("ocd"));
        ResponsesExperiment e = new ResponsesExperiment(ConversationBuilderTest.STIMULI,
                ResponsesSettings.paper(List.of(SystemPrompt.none())).withTranscripts(List.of(t),
                        Placement.paper()).withBridging(Path.of("b.gguf")));
        FakeChatModel model = new FakeChatModel("bridger", r -> {
            if (r.messages().get(0).content().contains("Final message:\n" + ConversationBuilderTest.STIMULI
                    .stimulus("books").orElseThrow().query())) {
                throw new GenerationException(GenerationException.Kind.CONTEXT_OVERFLOW, "too long", false);
            }
            return "Anyway, something else is on my mind.";
        });
        assertEquals(3, BridgeStage.missing(e, dir).size(), "pesticides alone, soap and books at 50");
        ResponsesExperiment bridged = BridgeStage.write(e, dir, model, 0, r -> { });
        assertEquals(3, model.requests.size());
        assertEquals(BridgeStage.MAX_TOKENS, model.requests.get(0).sampling().maxTokens());
        assertEquals(1, model.requests.get(0).messages().size(), "one user message, no system prompt");
        assertEquals(0, BridgeStage.missing(e, dir).size());
        List<Prompt> prompts = bridged.prompts();
        assertEquals("failed", prompts.stream().filter(p -> p.stimulus().equals("books") && p.context()
                .startsWith("transcript") && p.attributes().get("message_number").equals("50")).findFirst()
                .orElseThrow().attributes().get("contextualized"));
        ResponsesExperiment again = BridgeStage.write(e, dir, null, 0, r -> { });
        assertEquals(prompts, again.prompts(), "resumed from bridges.jsonl without a model");
        List<String> lines = Files.readAllLines(dir.resolve(BridgeStage.FILE));
        assertEquals(3, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"CONTEXT_OVERFLOW\"")));
    }
}
