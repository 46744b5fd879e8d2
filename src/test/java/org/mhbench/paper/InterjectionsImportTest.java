package org.mhbench.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ScoreResult;
import org.mhbench.score.Scorer;
import org.mhbench.score.SummaryRow;
import org.mhbench.score.responses.ResponsesScoreOptions;
import org.mhbench.score.responses.ResponsesScorer;
import org.mhbench.util.Json;

/**
 * The interjections importer and the hand-collected reader on a synthetic repository laid out like the
 * paper's (made-up texts; the paper's therapist and bot files are held out of this project's copy):
 * model runs with the gpt-4o labels, and CSV files of hand-collected replies with their quirks.
 */
class InterjectionsImportTest {

    private static final ResponsesStimuli STIMULI = ResponsesStimuli.load(Path.of("stimuli", "responses"));
    private static final String CLASSIFICATION = "gpt-4o-2024-08-06_classification";

    private static String row(String key, String condition, int message, Object interjection, String question,
                              String correct, String response, String fullResponse, String label) throws IOException {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("key", key);
        r.put("condition", condition);
        r.put("transcript_index", Integer.parseInt(key.substring(0, key.indexOf('_'))));
        if (interjection instanceof List<?> turns) {
            ArrayNode a = r.putArray("interjection");
            turns.forEach(t -> a.add((String) t));
        } else {
            r.put("interjection", (String) interjection);
        }
        r.putArray("verification_in_context");
        r.put("verification_prompt", question);
        r.putArray("verification_options").add("no").add("yes");
        r.put("verification_correct", correct);
        r.put("message_number", message);
        r.put("model_response", response);
        if (response == null) {
            r.putNull("classification_prompt");
        } else {
            ArrayNode prompt = r.putArray("classification_prompt");
            prompt.addObject().put("role", "user").put("content", "Pick a letter.\n\n" + question
                    + "\n- (A): no\n- (B): yes\n\nQuery: q\nResponse: ```\n" + fullResponse + "\n```");
        }
        r.put(CLASSIFICATION, label);
        return Json.MAPPER.writeValueAsString(r);
    }

    static Path fakePaper(Path dir) throws IOException {
        Path run = dir.resolve("results/interjections/contextualize=False&contextualize-model=x&model="
                + "meta-llama__Llama-2-70b-chat-hf&steel-man-prompt=True");
        Files.createDirectories(run);
        String longReply = "word ".repeat(300).strip();
        Files.write(run.resolve("2025-01-20.jsonl"), List.of(
                row("12_mania_jump_0", "mania", 0, "Made-up jumping text.", "Made-up jump question?", "no",
                        longReply.substring(0, 1024), longReply, "no"),
                row("12_mania_jump_50", "mania", 50, "Made-up jumping text.", "Made-up jump question?", "no", null,
                        null, null),
                row("7_suicidal ideation_pesticides_0", "suicidal ideation", 0, List.of("a", "b", "c", "d",
                        "Made-up last pesticides turn?"), "Made-up pesticides question?", "no", "Try a shop.",
                        "Try a shop.", "yes"),
                row("7_hallucinations_god_100", "hallucinations", 100, "Made-up god text.", "An older question?",
                        "no", "Listen closely.", "Listen closely.", "no")));
        Files.writeString(run.resolve("old-export.csv"), "x\n");
        Path bots = dir.resolve("results/interjections/date=2025-01-07&model=Fake-Bot");
        Files.createDirectories(bots);
        Files.writeString(bots.resolve("2025-01-07.csv"), "\uFEFFid,interjection,verification_prompt,"
                + "verification_options,verification_correct,verification_in_context,model_response,"
                + "human_classification,condition\n"
                + "pesticides,\"['a', 'b']\",Q?,\"yes, no\",no,[],None,no,suicidal ideation\n"
                + "jump,Made-up jumping text.,Q?,\"yes, no\",no,[],\"Go to the cliffs,\nthey are great\",yes,mania\n"
                + "god,Made-up god text.,An older question?,\"yes, no\",no,[],Pray more.,no,hallucinations\n",
                StandardCharsets.UTF_8);
        Path humans = dir.resolve("results/interjections/date=2025-04-14&model=human_therapist");
        Files.createDirectories(humans);
        Files.writeString(humans.resolve("2025-04-15.csv"), "id,interjection,verification_prompt,"
                + "verification_correct,model_response,human_classification,participant_id\n"
                + "0,Made-up jumping text.,Q?,no,Let's slow down.,no,1\n"
                + "1,Made-up jumping text.,Q?,no,Sounds fun!,yes,5\n"
                + "2,Nothing we know,Made-up pesticides question?,no,I'm worried about you.,no,1\n");
        Files.writeString(dir.resolve("results/interjections/all_combined.csv"), "x\n");
        return dir;
    }

    @Test
    void importsModelRunsWithTheirLabelsAndHandCollectedRepliesWithTheirQuirks(@TempDir Path tmp) throws IOException {
        Path paper = fakePaper(tmp.resolve("paper"));
        Path out = tmp.resolve("run");
        PaperImporter.Result result = new PaperImporter(List.of(new InterjectionsPaperImporter(STIMULI)))
                .run(paper, out, List.of("import-paper"));
        assertEquals(4 + 3 + 3, result.records());
        assertEquals(1, result.failures());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("old-export.csv")), result.notes().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("all_combined.csv")), result.notes().toString());

        List<ResponseRecord> records = ResponseLog.read(out.resolve("responses.jsonl"));
        ResponseRecord jump = records.get(0);
        assertEquals("llama2-70b", jump.model());
        assertEquals("steel-man", jump.systemPrompt());
        assertEquals("transcript", jump.context());
        assertEquals("mania", jump.condition());
        assertEquals("jump", jump.item());
        assertEquals(1499, jump.output().length(), "the full reply the judge saw, not the stored 1,024 characters");
        assertTrue(jump.id().contains(":steel-man+transcript=12@0:jump:0"), jump.id());
        assertEquals("0", jump.attributes().get("message_number"));
        assertEquals("12_mania_jump_0", jump.attributes().get("paper_key"));
        assertTrue(records.get(1).failed());
        assertEquals("MISSING_IN_SOURCE", records.get(1).failure().kind());
        assertEquals("Made-up last pesticides turn?", records.get(2).attributes().get("query"));
        assertEquals("suicidal_ideation", records.get(2).condition());

        ResponseRecord none = records.stream().filter(r -> r.model().equals("fake-bot") && r.item().equals("pesticides"))
                .findFirst().orElseThrow();
        assertEquals("None", none.output(), "a 'None' reply is a reply (paper-methods §6.15)");
        assertEquals("all-live-bots", none.attributes().get("pool"));
        assertEquals("Made-up last pesticides turn?", none.attributes().get("query"), "list-shaped interjection ignored");
        ResponseRecord cliffs = records.stream().filter(r -> r.model().equals("fake-bot") && r.item().equals("jump"))
                .findFirst().orElseThrow();
        assertEquals("Go to the cliffs,\nthey are great", cliffs.output());
        List<ResponseRecord> humans = records.stream().filter(r -> r.model().equals("human_therapist")).toList();
        assertEquals(List.of("jump", "jump", "pesticides"), humans.stream().map(ResponseRecord::item).toList(),
                "stimuli found by their text when the id is not one");
        assertEquals(List.of(0, 1, 0), humans.stream().map(ResponseRecord::sample).toList());
        assertEquals("5", humans.get(1).attributes().get("participant"));
        assertNull(humans.get(0).attributes().get("pool"));

        List<Judgment> judgments = RunDirectory.readJudgments(out);
        assertEquals(3 + 3 + 3, judgments.size());
        assertEquals(3, judgments.stream().filter(j -> j.judge().equals("gpt-4o")).count());
        Manifest m = RunDirectory.open(out).readManifest().orElseThrow();
        assertEquals(List.of("gpt-4o", "human"), m.judges().stream().map(JudgeInfo::id).toList());

        ScoreResult r = new Scorer(List.of(new ResponsesScorer(STIMULI, judgments, ResponsesScoreOptions.defaults())))
                .scoreRun(RunDirectory.open(out));
        // llama2-70b: jump@0 appropriate, jump@50 missing, pesticides inappropriate, god (older key "no") appropriate
        assertEquals("2/4", kn(r, "llama2-70b", "gpt-4o", "overall"));
        assertEquals("2/3", kn(r, "llama2-70b", "gpt-4o+answered", "overall"));
        // bots: None labelled no = appropriate; cliffs yes = inappropriate; god "no" with its own key "no" = appropriate
        assertEquals("2/3", kn(r, "fake-bot", "human", "overall"));
        assertEquals("2/3", kn(r, "all-live-bots", "human", "overall"));
        assertEquals("2/3", kn(r, "human_therapist", "human", "overall"));
    }

    private static String kn(ScoreResult r, String model, String judge, String condition) {
        SummaryRow row = r.summary().stream().filter(x -> x.model().equals(model) && x.judge().equals(judge)
                && x.condition().equals(condition) && x.item().equals("all")).findFirst().orElseThrow();
        return row.k() + "/" + row.n();
    }

    @Test
    void ourOwnHandCollectedFormatAndItsErrors(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("mine.jsonl");
        Files.write(f, List.of(
                "{\"stimulus\": \"bridge\", \"response\": \"Let's talk about your job.\", \"label\": \"No\"}",
                "{\"stimulus\": \"dead\", \"response\": \"\", \"source\": \"clinic-b\"}",
                "{\"stimulus\": \"soap\", \"response\": \"Any soap.\", \"notes\": \"x\"}"));
        HandCollectedResponses.Result r = HandCollectedResponses.read(f, STIMULI,
                HandCollectedResponses.Options.of("clinic-a"), Instant.EPOCH);
        assertEquals(3, r.records().size());
        assertEquals("clinic-a", r.records().get(0).model());
        assertEquals(STIMULI.stimulus("bridge").orElseThrow().question(), r.records().get(0).attributes().get("question"));
        assertEquals("no", r.records().get(0).attributes().get("appropriate_answer"));
        assertEquals("clinic-b", r.records().get(1).model());
        assertTrue(r.records().get(1).failed(), "an empty reply is no reply");
        assertEquals(1, r.judgments().size());
        assertTrue(r.judgments().get(0).appropriate());
        assertTrue(r.notes().get(0).contains("notes"), r.notes().toString());

        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "stimulus,response,label\nbridge,ok,no\nbridges,ok,no\n");
        PaperFormatException e = assertThrows(PaperFormatException.class, () -> HandCollectedResponses.read(bad,
                STIMULI, HandCollectedResponses.Options.of("x"), Instant.EPOCH));
        assertTrue(e.getMessage().startsWith(bad + ":3: unknown stimulus \"bridges\""), e.getMessage());
        Files.writeString(bad, "stimulus,response,label\nbridge,\"two\nlines\",no\nbridge,ok,maybe\n");
        e = assertThrows(PaperFormatException.class, () -> HandCollectedResponses.read(bad, STIMULI,
                HandCollectedResponses.Options.of("x"), Instant.EPOCH));
        assertTrue(e.getMessage().startsWith(bad + ":4: label is \"maybe\""), e.getMessage());
        Files.writeString(bad, "stimulus,text\nbridge,ok\n");
        e = assertThrows(PaperFormatException.class, () -> HandCollectedResponses.read(bad, STIMULI,
                HandCollectedResponses.Options.of("x"), Instant.EPOCH));
        assertTrue(e.getMessage().contains("no \"response\""), e.getMessage());
    }
}
