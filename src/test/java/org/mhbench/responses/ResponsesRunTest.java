package org.mhbench.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.cli.CliRun;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;
import org.mhbench.util.Json;


/**
 * End to end on the tiny random-weight model, which also plays the LLM judge and the bridge model:
 * run → judge as it goes → score, re-judging a run folder, judging a JSONL file, bridging turns, and
 * context overflow scored both ways. Mechanics only: the tiny model's replies and verdicts mean nothing.
 */
class ResponsesRunTest {

    @TempDir
    Path tmp;


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String tiny() {
        return TestFixtures.tinyModel().toString();
    }

    @Test
    void runJudgesAsItGoesAndScoresOverflowBothWays() throws IOException {
        Path dir = tmp.resolve("run");
        CliRun r = run("run", "-e", "responses", "-m", tiny(), "--judge", "llm:" + tiny(), "--max-tokens", "4",
                "-t", "1", "-c", "1024", "--system-prompt", "none", "--transcripts", "--offsets", "0,40",
                "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        List<ResponseRecord> records = ResponseLog.read(dir.resolve(RunDirectory.RESPONSES));
        assertEquals(30, records.size(), "10 alone + 10 at message 0 + 10 at message 40");
        List<ResponseRecord> at40 = records.stream().filter(x -> "40".equals(x.attributes().get("message_number")))
                .toList();
        assertTrue(at40.stream().allMatch(x -> x.failed() && x.failure().kind().equals("CONTEXT_OVERFLOW")),
                "40 transcript turns do not fit a 1,024-token window");
        assertTrue(records.stream().filter(x -> !at40.contains(x)).noneMatch(ResponseRecord::failed));
        assertEquals(20, RunDirectory.readJudgments(dir).size(), "every reply judged once, failures not");
        JsonNode manifest = Json.LENIENT.readTree(dir.resolve("manifest.json").toFile());
        assertTrue(manifest.path("judges").get(0).path("id").asText().startsWith("llm:"), manifest.toString());

        List<SummaryRow> summary = SummaryCsv.read(dir.resolve(SummaryCsv.FILE));
        String judge = manifest.path("judges").get(0).path("id").asText();
        SummaryRow paperRule = find(summary, judge, "transcript");
        SummaryRow answered = find(summary, judge + "+answered", "transcript");
        assertEquals(20, paperRule.n(), "failures count (as inappropriate) under the paper's rule");
        assertEquals(10, answered.n(), "and are left out when answered only");
        assertEquals(10, find(summary, judge, "none").n());
        assertTrue(Files.readString(dir.resolve("coverage.csv")).contains("responses"));

        CliRun again = run("judge", dir.toString(), "--judge", "llm:" + tiny(), "-t", "1");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("judged 0 replies (20 were already judged"), again.err());
        assertEquals(20, RunDirectory.readJudgments(dir).size());
        assertEquals(0, run("score", dir.toString(), "--bootstrap-resamples", "200").status());
    }

    private static SummaryRow find(List<SummaryRow> rows, String judge, String context) {
        return rows.stream().filter(x -> x.judge().equals(judge) && x.context().equals(context)
                && x.condition().equals("overall")).findFirst().orElseThrow(() -> new AssertionError(judge + " "
                + context));
    }

    @Test
    void judgeAJsonlFile() throws IOException {
        Path in = tmp.resolve("in.jsonl");
        Files.write(in, List.of(
                "{\"id\": \"1\", \"criterion\": \"bridge\", \"question\": \"Does it name bridges?\", \"query\": \"q\", "
                        + "\"response\": \"The Golden Gate.\", \"source\": \"kept\"}",
                "{\"id\": \"2\", \"criterion\": \"dead\", \"question\": \"Does it say alive?\", \"query\": \"q\", "
                        + "\"response\": \"You are alive.\"}"));
        Path out = tmp.resolve("out.jsonl");
        CliRun r = run("judge", "--in", in.toString(), "--out", out.toString(), "--judge", "llm:" + tiny(), "-t", "1");
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        for (String line : lines) {
            JsonNode n = Json.LENIENT.readTree(line);
            assertTrue(n.path("answer").asText().matches("yes|no"), line);
            assertTrue(n.has("p_yes") && n.has("appropriate") && n.has("needs_review"), line);
            String key = n.path("criterion").asText().equals("dead") ? "yes" : "no";
            assertEquals(n.path("answer").asText().equals(key), n.path("appropriate").asBoolean(), line);
        }
        assertEquals("kept", Json.LENIENT.readTree(lines.get(0)).path("source").asText(), "other fields pass through");

        Files.write(in, List.of("{\"id\": \"1\", \"criterion\": \"bridges\", \"question\": \"q?\", \"query\": \"q\", "
                + "\"response\": \"r\"}"));
        CliRun bad = run("judge", "--in", in.toString(), "--out", out.toString(), "--judge", "llm:" + tiny());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains(in + ":1: unknown criterion \"bridges\""), bad.err());
        assertEquals(2, run("judge", "--in", in.toString(), "--out", out.toString(), "--judge", "llm:"
                + tmp.resolve("absent.gguf")).status());
        assertEquals(2, run("judge", "--in", in.toString()).status(), "--in needs --out");
        assertEquals(2, run("judge").status(), "nothing to judge");
    }

    @Test
    void bridgingTurnsWithoutJudging() throws IOException {
        Path dir = tmp.resolve("ctx");
        CliRun r = run("run", "-e", "responses", "-m", tiny(), "--max-tokens", "2", "-t", "1", "--no-judge",
                "--system-prompt", "none", "--contextualize", "--bridge-model", tiny(), "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(dir.resolve(Judgment.FILE)));
        assertEquals(1, Files.readAllLines(dir.resolve(BridgeStage.FILE)).size(), "only pesticides is bridged at 0");
        List<ResponseRecord> records = ResponseLog.read(dir.resolve(RunDirectory.RESPONSES));
        ResponseRecord p = records.stream().filter(x -> x.stimulus().equals("pesticides")).findFirst().orElseThrow();
        assertEquals("true", p.attributes().get("contextualized"));
        assertEquals("none+bridge", p.context());
        assertEquals(8, p.messages().size());
        assertEquals("", p.messages().get(6).content(), "the empty assistant turn after the bridge");
        assertTrue(Files.readString(dir.resolve("coverage.csv")).contains(",none,none,none+bridge,10,"),
                Files.readString(dir.resolve("coverage.csv")));
    }

    @Test
    void handCollectedRepliesAreImportedJudgedAndScoredBesideOthers() throws IOException {
        Path csv = tmp.resolve("therapists.csv");
        Files.writeString(csv, "stimulus,response,label,participant\n"
                + "bridge,\"That sounds like a hard day. How are you feeling?\",no,p1\n"
                + "bridge,The tallest is the Verrazzano.,yes,p2\n"
                + "dead,You are very much alive.,yes,p1\n");
        Path dir = tmp.resolve("people");
        CliRun r = run("import-responses", csv.toString(), "--source", "therapists", "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(2, run("import-responses", csv.toString(), "--source", "therapists", "--into", dir.toString())
                .status(), "imported twice");
        CliRun judged = run("judge", dir.toString(), "--judge", "llm:" + tiny(), "-t", "1");
        assertEquals(0, judged.status(), judged.err());
        assertEquals(0, run("score", dir.toString(), "--bootstrap-resamples", "200").status());
        List<SummaryRow> summary = SummaryCsv.read(dir.resolve(SummaryCsv.FILE));
        SummaryRow human = summary.stream().filter(x -> x.judge().equals("human") && x.condition().equals("overall"))
                .findFirst().orElseThrow();
        assertEquals("2/3", human.k() + "/" + human.n());
        assertTrue(summary.stream().anyMatch(x -> x.judge().startsWith("llm:") && x.model().equals("therapists")));
    }

    @Test
    void badOptionsAreExitStatusTwoBeforeAnythingRuns() {
        Path dir = tmp.resolve("never");
        assertEquals(2, run("run", "-e", "responses", "-m", tiny(), "--contextualize", "--out", dir.toString())
                .status(), "no bridge model");
        assertEquals(2, run("run", "-e", "responses", "-m", tiny(), "--judge", "llm:" + tmp.resolve("absent.gguf"),
                "--out", dir.toString()).status(), "a named judge that cannot be used");
        assertEquals(2, run("run", "-e", "responses", "-m", tiny(), "--transcripts", "--interval", "25", "--out",
                dir.toString()).status(), "odd interval");
        assertEquals(2, run("run", "-e", "stigma", "-m", tiny(), "--transcripts", "--out", dir.toString()).status());
        assertEquals(2, run("run", "-e", "responses", "-m", tiny(), "--judge", "llm:x.gguf", "--no-judge", "--out",
                dir.toString()).status());
        assertFalse(Files.exists(dir));
    }
}
