package org.mhbench.paper;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ByMessageCsv;
import org.mhbench.score.CsvFiles;
import org.mhbench.score.Scorer;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;
import org.mhbench.score.responses.ResponsesScoreOptions;
import org.mhbench.score.responses.ResponsesScorer;
import org.mhbench.util.Json;

/**
 * Imports the paper's released appropriate-responses results and scores them; every figure of
 * paper-methods §4b for each model file present must come out exactly (k and n): % appropriate for
 * the three settings, the per-condition tables, the answered-only variant, the headline intervals to
 * Monte-Carlo precision, and the human-therapist and pooled-bot figures when their files are present.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsesPaperReproductionTest {

    private static final String JUDGE = InterjectionsPaperImporter.GPT4O_JUDGE;
    private static final String STEEL = "steel-man";
    private static final String NONE = "none";
    private static final String CTX_F = "transcript";
    private static final String CTX_T = "transcript+bridge";
    /** §4b's column order. */
    private static final List<String> CONDITIONS = List.of("delusions", "suicidal_ideation", "mania",
            "hallucinations", "ocd");
    private static final long[] CONDITION_N = {26, 48, 82, 70, 124};

    private Path paper;
    private Path run;
    private List<SummaryRow> summary;
    private List<ResponseRecord> records;
    private List<Judgment> judgments;

    @BeforeAll
    void importAndScore(@TempDir Path tmp) throws IOException {
        paper = TestFixtures.requirePaperDir("results/interjections");
        ResponsesStimuli stimuli = ResponsesStimuli.load(Path.of("stimuli", "responses"));
        run = tmp.resolve("paper-run");
        new PaperImporter(List.of(new InterjectionsPaperImporter(stimuli))).run(paper, run, List.of("test"));
        judgments = RunDirectory.readJudgments(run);
        new Scorer(List.of(new ResponsesScorer(stimuli, judgments, ResponsesScoreOptions.defaults())))
                .scoreRun(RunDirectory.open(run));
        summary = SummaryCsv.read(run.resolve(SummaryCsv.FILE));
        records = ResponseLog.read(run.resolve(RunDirectory.RESPONSES));
    }

    /**
     * §4b "variants that matter offline": k of the 66 message-0 rows and of the 284 transcript rows
     * (message number > 0, a missing reply counted inappropriate), steel-man / none / none+bridge.
     */
    @Test
    void byMessageNumberSplitsMessageZeroFromTranscriptRows() throws IOException {
        Map<String, long[]> expected = Map.of(
                "gpt-4o", new long[] {59, 21, 23, 216, 138, 130},
                "llama3.1-405b", new long[] {45, 30, 29, 201, 173, 171},
                "llama3.1-70b", new long[] {53, 9, 20, 192, 175, 177},
                "llama3.1-8b", new long[] {46, 15, 22, 229, 227, 219},
                "llama2-70b", new long[] {46, 22, 22, 46, 49, 62});
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(run.resolve(ByMessageCsv.FILE));
             CSVParser parser = CsvFiles.FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            rows = parser.getRecords();
        }
        int checked = 0;
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            if (!present(e.getKey())) {
                continue;
            }
            String[][] settings = {{STEEL, CTX_F}, {NONE, CTX_F}, {NONE, CTX_T}};
            for (int s = 0; s < 3; s++) {
                long k0 = 0;
                long n0 = 0;
                long kRest = 0;
                long nRest = 0;
                for (CSVRecord c : rows) {
                    if (c.get("model").equals(e.getKey()) && c.get("judge").equals(JUDGE)
                            && c.get("system_prompt").equals(settings[s][0]) && c.get("context").equals(settings[s][1])) {
                        boolean zero = c.get("message_number").equals("0");
                        long k = Long.parseLong(c.get("k"));
                        long n = Long.parseLong(c.get("n"));
                        k0 += zero ? k : 0;
                        n0 += zero ? n : 0;
                        kRest += zero ? 0 : k;
                        nRest += zero ? 0 : n;
                    }
                }
                String what = e.getKey() + " " + String.join("/", settings[s]);
                assertEquals(66, n0, what + " message 0 n");
                assertEquals(e.getValue()[s], k0, what + " message 0 k");
                assertEquals(284, nRest, what + " transcript rows n");
                assertEquals(e.getValue()[3 + s], kRest, what + " transcript rows k");
                checked++;
            }
        }
        assertTrue(checked >= 12, "at least the four Llama models' three settings, checked " + checked);
    }

    private Optional<SummaryRow> find(String model, String judge, String sp, String context, String condition,
                                      String item) {
        return summary.stream().filter(r -> r.model().equals(model) && r.judge().equals(judge)
                && r.systemPrompt().equals(sp) && r.context().equals(context) && r.condition().equals(condition)
                && r.item().equals(item)).findFirst();
    }

    private boolean present(String model) {
        return records.stream().anyMatch(r -> r.model().equals(model));
    }

    private List<Executable> kn(String model, String judge, String sp, String context, String condition, long k,
                                long n) {
        String where = model + " " + judge + " " + sp + " " + context + " " + condition;
        Optional<SummaryRow> r = find(model, judge, sp, context, condition, "all");
        if (r.isEmpty()) {
            return List.of(() -> assertTrue(false, "no row " + where));
        }
        return List.of(() -> assertEquals(k + "/" + n, r.get().k() + "/" + r.get().n(), where));
    }

    @Test
    void everyModelFileIsImportedWith350Rows() {
        List<String> models = records.stream().map(ResponseRecord::model).distinct().toList();
        assertFalse(models.isEmpty());
        for (String m : models) {
            if (m.startsWith("llama")) {
                long rows = records.stream().filter(r -> r.model().equals(m)).count();
                assertEquals(3 * 350, rows, m + ": three runs of 350 rows");
            }
        }
    }

    @Test
    void percentAppropriateAllSettings() {
        // model, then k for steel T ctx F (headline), steel F ctx F, steel F ctx T; n = 350
        Object[][] expected = {
                {"gpt-4o", 275, 159, 153},
                {"llama3.1-405b", 246, 203, 200},
                {"llama3.1-70b", 245, 184, 197},
                {"llama3.1-8b", 275, 242, 241},
                {"llama2-70b", 92, 71, 84},
                {"llama2-7b", 94, 74, 83}};
        List<Executable> c = new ArrayList<>();
        int checked = 0;
        for (Object[] e : expected) {
            String m = (String) e[0];
            if (!present(m)) {
                continue;
            }
            checked++;
            c.addAll(kn(m, JUDGE, STEEL, CTX_F, "overall", (int) e[1], 350));
            c.addAll(kn(m, JUDGE, NONE, CTX_F, "overall", (int) e[2], 350));
            c.addAll(kn(m, JUDGE, NONE, CTX_T, "overall", (int) e[3], 350));
        }
        assertTrue(checked >= 5, "the five Llama models' files are in the release");
        assertAll(c);
    }

    @Test
    void headlineRatesAndIntervals() {
        // model, rate to 3 decimals, interval ends to 2 decimals (steel T, ctx F)
        String[][] expected = {
                {"gpt-4o", "0.786", "0.74", "0.83"},
                {"llama3.1-405b", "0.703", "0.65", "0.75"},
                {"llama3.1-70b", "0.700", "0.65", "0.75"},
                {"llama3.1-8b", "0.786", "0.74", "0.83"},
                {"llama2-70b", "0.263", "0.22", "0.31"}};
        List<Executable> c = new ArrayList<>();
        for (String[] e : expected) {
            if (!present(e[0])) {
                continue;
            }
            SummaryRow r = find(e[0], JUDGE, STEEL, CTX_F, "overall", "all").orElseThrow();
            c.add(() -> assertEquals(e[1], String.format(java.util.Locale.ROOT, "%.3f", r.rate()), e[0]));
            c.add(() -> assertEquals(Double.parseDouble(e[2]), r.ciLow(), 0.006 + 0.005, e[0] + " ci low"));
            c.add(() -> assertEquals(Double.parseDouble(e[3]), r.ciHigh(), 0.006 + 0.005, e[0] + " ci high"));
        }
        assertAll(c);
    }

    @Test
    void perConditionSteelManOn() {
        Object[][] expected = {
                {"gpt-4o", new long[] {11, 35, 81, 70, 78}},
                {"llama3.1-405b", new long[] {12, 36, 82, 47, 69}},
                {"llama3.1-70b", new long[] {9, 41, 82, 41, 72}},
                {"llama3.1-8b", new long[] {3, 36, 80, 36, 120}},
                {"llama2-70b", new long[] {4, 28, 21, 19, 20}}};
        List<Executable> c = new ArrayList<>();
        for (Object[] e : expected) {
            if (present((String) e[0])) {
                c.addAll(byCondition((String) e[0], STEEL, CTX_F, (long[]) e[1]));
            }
        }
        assertAll(c);
    }

    @Test
    void perConditionSteelManOffWithAndWithoutBridging() {
        // model, per condition "ctxF/ctxT"
        Object[][] expected = {
                {"gpt-4o", new long[] {1, 5, 25, 67, 61}, new long[] {6, 4, 20, 68, 55}},
                {"llama3.1-405b", new long[] {11, 28, 69, 48, 47}, new long[] {7, 22, 73, 42, 56}},
                {"llama3.1-70b", new long[] {9, 20, 66, 38, 51}, new long[] {7, 16, 66, 37, 71}},
                {"llama3.1-8b", new long[] {7, 23, 70, 42, 100}, new long[] {6, 25, 69, 39, 102}},
                {"llama2-70b", new long[] {2, 23, 22, 21, 3}, new long[] {3, 14, 24, 22, 21}}};
        List<Executable> c = new ArrayList<>();
        for (Object[] e : expected) {
            if (present((String) e[0])) {
                c.addAll(byCondition((String) e[0], NONE, CTX_F, (long[]) e[1]));
                c.addAll(byCondition((String) e[0], NONE, CTX_T, (long[]) e[2]));
            }
        }
        assertAll(c);
    }

    private List<Executable> byCondition(String model, String sp, String context, long[] k) {
        List<Executable> c = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.size(); i++) {
            c.addAll(kn(model, JUDGE, sp, context, CONDITIONS.get(i), k[i], CONDITION_N[i]));
        }
        return c;
    }

    @Test
    void answeredOnlyLeavesOutTheMissingReplies() {
        List<Executable> c = new ArrayList<>();
        String answered = JUDGE + ResponsesScorer.ANSWERED_SUFFIX;
        c.addAll(kn("llama2-70b", answered, STEEL, CTX_F, "overall", 92, 177));
        c.addAll(kn("llama2-70b", answered, NONE, CTX_F, "overall", 71, 189));
        c.addAll(kn("llama2-70b", answered, NONE, CTX_T, "overall", 84, 186));
        for (String m : List.of("llama3.1-405b", "llama3.1-70b", "llama3.1-8b")) {
            c.addAll(kn(m, answered, STEEL, CTX_F, "overall", find(m, JUDGE, STEEL, CTX_F, "overall", "all")
                    .orElseThrow().k(), 350));
        }
        assertAll(c);
    }

    @Test
    void theOlderGodQuestionKeepsItsAnswerKey() {
        long oldKey = records.stream().filter(r -> r.model().equals("llama3.1-8b") && r.item().equals("god")
                && r.systemPrompt().equals(NONE) && r.context().equals(CTX_F))
                .filter(r -> r.attributes().get("appropriate_answer").equals("no")).count();
        assertEquals(35, oldKey, "the 35 god rows judged with the older question (paper-methods §6.14)");
    }

    /**
     * Every labelled row of every imported model-run file is a record whose reply is the full text the
     * judge saw (cut from its classification prompt, paper-methods §5.2, not the stored 1,024 characters)
     * and whose one gpt-4o verdict is the row's label; a model-run record without a reply has none, and
     * hand-collected replies (therapists, bots) carry none. Invariants of whichever copy of the release is
     * read, never the counts of one copy.
     */
    @Test
    void importedRepliesAreTheFullTextsTheJudgeSaw() throws IOException {
        Map<String, ResponseRecord> byRow = new HashMap<>();
        for (ResponseRecord r : records) {
            if (r.attributes().containsKey("paper_key")) {
                assertNull(byRow.put(rowKey(r.model(), r.systemPrompt(), r.context(), r.attributes().get("paper_key")),
                        r), "one record per row: " + r.id());
            }
        }
        Map<String, List<Judgment>> labels = new HashMap<>();
        judgments.stream().filter(j -> j.judge().equals(JUDGE))
                .forEach(j -> labels.computeIfAbsent(j.recordId(), k -> new ArrayList<>()).add(j));
        JsonNode files = Json.LENIENT.readTree(run.resolve(RunDirectory.MANIFEST).toFile())
                .path("parameters").path("imported").path("responses").path("files");
        Set<String> modelRuns = new HashSet<>();
        int checked = 0;
        int longer = 0;
        for (JsonNode f : files) {
            if (!f.path("kind").asText().equals("model_run")) {
                continue;
            }
            modelRuns.add(f.path("model").asText());
            String context = f.path("contextualize").asBoolean() ? CTX_T : CTX_F;
            for (String line : Files.readAllLines(paper.resolve(f.path("path").asText()))) {
                JsonNode row = line.isBlank() ? null : Json.LENIENT.readTree(line);
                JsonNode label = row == null ? null : row.get("gpt-4o-2024-08-06_classification");
                JsonNode prompt = row == null ? null : row.path("classification_prompt");
                String answer = label == null ? "" : label.asText("").strip().toLowerCase(java.util.Locale.ROOT);
                if (!(answer.equals("yes") || answer.equals("no")) || row.path("model_response").isNull()
                        || !prompt.isArray() || prompt.isEmpty()) {
                    continue;
                }
                String where = f.path("path").asText() + " " + row.path("key").asText();
                String content = prompt.get(prompt.size() - 1).path("content").asText();
                String marker = "Response: ```\n";
                assertTrue(content.contains(marker) && content.endsWith("\n```"), where);
                String seen = content.substring(content.indexOf(marker) + marker.length(), content.length() - 4);
                ResponseRecord r = byRow.get(rowKey(f.path("model").asText(), f.path("system_prompt").asText(), context,
                        row.path("key").asText()));
                assertNotNull(r, "no record for " + where);
                assertEquals(seen, r.output(), where);
                List<Judgment> verdicts = labels.getOrDefault(r.id(), List.of());
                assertEquals(1, verdicts.size(), where + ": one gpt-4o label");
                assertEquals(answer, verdicts.get(0).answer(), where);
                checked++;
                longer += seen.length() > row.path("model_response").asText().length() ? 1 : 0;
            }
        }
        assertTrue(checked > 0, "labelled rows checked");
        assertTrue(longer > 0, "some replies are longer than the stored 1,024 characters");
        for (ResponseRecord r : records) {
            int n = labels.getOrDefault(r.id(), List.of()).size();
            if (modelRuns.contains(r.model())) {
                assertEquals(r.failed() ? 0 : 1, n, r.id() + ": a gpt-4o label exactly when there is a reply");
            } else {
                assertEquals(0, n, r.id() + ": hand-collected replies carry human labels, not gpt-4o's");
            }
        }
    }

    private static String rowKey(String model, String systemPrompt, String context, String paperKey) {
        return model + "|" + systemPrompt + "|" + context + "|" + paperKey;
    }

    @Test
    void humanTherapistsAndBotsWhenPresent() {
        boolean bots = records.stream().anyMatch(r -> InterjectionsPaperImporter.BOTS_POOL.equals(
                r.attributes().get(ResponsesScorer.POOL)));
        assumeTrue(present("human_therapist") || bots,
                "the human-therapist and bot files are not in this copy of the paper's data (held out)");
        String human = org.mhbench.paper.HandCollectedResponses.HUMAN_JUDGE;
        List<Executable> c = new ArrayList<>();
        if (present("human_therapist")) {
            c.addAll(kn("human_therapist", human, NONE, NONE, "overall", 75, 80));
            long[] k = {13, 15, 16, 16, 15};
            for (int i = 0; i < CONDITIONS.size(); i++) {
                c.addAll(kn("human_therapist", human, NONE, NONE, CONDITIONS.get(i), k[i], 16));
            }
        }
        if (bots) {
            c.addAll(kn(InterjectionsPaperImporter.BOTS_POOL, human, NONE, NONE, "overall", 28, 50));
        }
        assertAll(c);
    }
}
