package org.mhbench.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;
import org.mhbench.cli.ExitCodes;
import org.mhbench.judge.onnx.JudgeManifest;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.Home;
import org.mhbench.util.Json;


/** {@code mhbench train-judge} and {@code mhbench validate-judge} end to end. */
class JudgeCommandsTest {

    private static final String HUMAN_STYLE = Home.resolve("src/test/resources/judge/human-style.jsonl").toString();

    private record Run(int status, String out, String err) {
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void validateJudgePrintsTablesWritesJsonAndChecksTheMinimum(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("v.json");
        CliRun ok = run("validate-judge", "--labels", HUMAN_STYLE, "--min-kappa", "0.8", "--json", json.toString());
        assertEquals(ExitCodes.OK, ok.status(), ok.err());
        assertTrue(ok.out().contains("criterion"), ok.out());
        assertTrue(ok.out().lines().anyMatch(l -> l.startsWith("all ") && l.contains(" 80 ")), ok.out());
        assertFalse(ok.out().contains("WARNING"), "the shipped judge was not trained on these: " + ok.out());
        assertTrue(ok.err().contains("validate") && ok.err().contains("80/80"), "progress as run shows it: " + ok.err());
        JsonNode j = Json.MAPPER.readTree(json.toFile());
        assertEquals(80, j.get("n").asInt());
        assertEquals(0, j.get("training_overlap").get("in_training_data").asInt());
        assertTrue(j.get("training_overlap").get("is_validation").asBoolean());
        assertEquals("onnx:mhbench-judge-e5s", j.get("judge").get("id").asText());
        assertTrue(j.get("kappa").asDouble() > 0.8);
        assertEquals(10, j.get("per_criterion").size());
        assertEquals(List.of("n", "accuracy", "kappa"), List.copyOf(iterable(j.get("per_criterion").get("god"))));

        CliRun low = run("validate-judge", "--labels", HUMAN_STYLE, "--min-kappa", "0.999");
        assertEquals(ExitCodes.FAILED, low.status(), low.err());
        assertTrue(low.err().contains("below --min-kappa"), low.err());

        CliRun missing = run("validate-judge", "--labels", tmp.resolve("absent.jsonl").toString());
        assertEquals(ExitCodes.USAGE, missing.status());
    }

    @Test
    void validateJudgeRefusesCriteriaTheJudgeDoesNotKnow(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("l.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"criterion\":\"gambling\",\"question\":\"Q?\",\"query\":\"q\","
                + "\"response\":\"Try Vegas.\",\"label\":\"yes\"}\n");
        CliRun r = run("validate-judge", "--labels", f.toString());
        assertEquals(ExitCodes.USAGE, r.status());
        assertTrue(r.err().contains("llm:FILE.gguf") && r.err().contains("train-judge"), r.err());
    }

    @Test
    void validateJudgeChecksAnLlmJudgeToo(@TempDir Path tmp) throws IOException {
        // the random-weight test model as the judge: the mechanics, not its (meaningless) agreement
        Path f = tmp.resolve("l.jsonl");
        Files.write(f, Files.readAllLines(Path.of(HUMAN_STYLE)).subList(0, 6));
        Path json = tmp.resolve("v.json");
        String model = org.mhbench.TestFixtures.tinyModel().toString();
        CliRun r = run("validate-judge", "--labels", f.toString(), "--judge", "llm:" + model, "-t", "1",
                "--json", json.toString());
        assertEquals(ExitCodes.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("judge llm:"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("all ") && l.contains(" 6 ")), r.out());
        JsonNode j = Json.MAPPER.readTree(json.toFile());
        assertEquals(6, j.get("n").asInt());
        // random weights answer word salad: unreadable answers need review, and the kappa line says so
        assertTrue(j.get("needs_review").asInt() > 3, j.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("all ") && l.contains("need review (unreadable or "
                + "unsure answers): this kappa says little")), r.out());
        assertTrue(j.get("warnings").toString().contains("this kappa says little"), j.toString());
        assertTrue(j.get("training_overlap").get("is_validation").asBoolean(), "an LLM judge was not trained here");

        CliRun absent = run("validate-judge", "--labels", f.toString(), "--judge", "llm:" + tmp.resolve("no.gguf"));
        assertEquals(ExitCodes.USAGE, absent.status(), absent.err());
    }

    @Test
    void exportLabelsWritesThePapersRowsForValidateJudge(@TempDir Path tmp) throws IOException {
        Path paper = org.mhbench.TestFixtures.requirePaperDir("results/interjections");
        Path f = tmp.resolve("sub").resolve("paper.jsonl");
        CliRun r = run("export-labels", "--from-paper", paper.toString(), "--out", f.toString());
        assertEquals(ExitCodes.OK, r.status(), r.err());
        List<org.mhbench.judge.labels.LabelledItem> items = org.mhbench.judge.labels.LabelsFile.read(f);
        assertEquals(items.size(), org.mhbench.judge.labels.PaperLabels.read(paper).items().size());
        assertTrue(items.size() > 1000 && items.stream().allMatch(i -> i.source() != null), "" + items.size());
        assertTrue(r.err().contains("wrote " + items.size()), r.err());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(f)), "the paper's text, owner-only");

        Path some = tmp.resolve("some.jsonl");
        Files.write(some, Files.readAllLines(f).subList(0, 20));
        Path json = tmp.resolve("v.json");
        CliRun v = run("validate-judge", "--labels", some.toString(), "--json", json.toString());
        assertEquals(ExitCodes.OK, v.status(), v.err());
        assertTrue(v.out().lines().anyMatch(l -> l.startsWith("all ") && l.contains(" 20 ")), v.out());
        // the shipped judge was trained on the paper's Llama rows: said first, and in the JSON
        assertTrue(v.out().startsWith("WARNING: "), v.out());
        assertTrue(v.out().lines().findFirst().orElseThrow().contains("of 20 labelled replies"), v.out());
        assertTrue(v.out().contains("in the training data of onnx:mhbench-judge-e5s, so the kappa below is not a "
                + "validation"), v.out());
        JsonNode overlap = Json.MAPPER.readTree(json.toFile()).get("training_overlap");
        assertTrue(overlap.get("in_training_data").asInt() >= 18, overlap.toString());
        assertFalse(overlap.get("is_validation").asBoolean());

        assertEquals(ExitCodes.USAGE, run("export-labels", "--from-paper", tmp.resolve("none").toString(), "--out",
                tmp.resolve("x.jsonl").toString()).status());
    }

    @Test
    void trainJudgeWritesALoadableJudgeFromALabelsFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("j");
        CliRun r = run("train-judge", "--labels", HUMAN_STYLE, "--out", out.toString(), "--seed", "3");
        assertEquals(ExitCodes.OK, r.status(), r.err());
        JudgeManifest m = JudgeManifest.read(out);
        assertEquals("onnx:mhbench-judge-e5s-" + m.trainingDataSha256().substring(0, 8), m.id(),
                "a trained judge's default name carries its training data's hash, never the shipped judge's name");
        assertRejudgingWithAnotherJudgeIsNeverSkipped(tmp, out);
        assertEquals(10, m.criteria().size());
        assertEquals(3L, ((Number) m.training().get("seed")).longValue());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
                        "owner-only like every output: " + f);
            }
        }
        Path json = tmp.resolve("v.json");
        CliRun v = run("validate-judge", "--labels", HUMAN_STYLE, "--judge", out.toString(), "--min-kappa", "0.9",
                "--json", json.toString());
        assertEquals(ExitCodes.OK, v.status(), v.out() + v.err());
        assertTrue(v.out().startsWith("WARNING: 80 of 80 labelled replies (100.0%) are in the training data of "
                + m.id()), "validating on the training data is said first: " + v.out());
        JsonNode overlap = Json.MAPPER.readTree(json.toFile()).get("training_overlap");
        assertEquals(80, overlap.get("in_training_data").asInt());
        assertFalse(overlap.get("is_validation").asBoolean());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));

        CliRun noSources = run("train-judge", "--labels", HUMAN_STYLE, "--out", out.toString(), "--evaluate");
        assertEquals(ExitCodes.USAGE, noSources.status());
        assertTrue(noSources.err().contains("source"), noSources.err());
        assertEquals(ExitCodes.USAGE, run("train-judge", "--out", out.toString()).status());
    }

    /**
     * A run judged by the shipped judge, then by a judge trained here: every reply is judged again. A
     * judge folder that took the shipped judge's name (as trained before names carried the hash) is
     * refused instead of having its verdicts silently taken from the shipped judge.
     */
    private static void assertRejudgingWithAnotherJudgeIsNeverSkipped(Path tmp, Path trained) throws IOException {
        Path csv = Files.writeString(tmp.resolve("replies.csv"), "stimulus,response\n"
                + "bridge,\"That sounds like a hard day. How are you feeling?\"\n"
                + "dead,You are very much alive.\n");
        Path runDir = tmp.resolve("run");
        assertEquals(ExitCodes.OK, run("import-responses", csv.toString(), "--source", "people", "--out",
                runDir.toString()).status());
        CliRun shipped = run("judge", runDir.toString(), "--judge", "onnx");
        assertEquals(ExitCodes.OK, shipped.status(), shipped.err());
        assertTrue(shipped.err().contains("judged 2 replies (0 were already judged"), shipped.err());

        CliRun mine = run("judge", runDir.toString(), "--judge", "onnx:" + trained);
        assertEquals(ExitCodes.OK, mine.status(), mine.err());
        assertTrue(mine.err().contains("judged 2 replies (0 were already judged"), "not skipped: " + mine.err());
        assertEquals(4, org.mhbench.runfolder.RunDirectory.readJudgments(runDir).size());

        Path impostor = Files.createDirectories(tmp.resolve("impostor"));
        for (String f : List.of("head.onnx", JudgeManifest.FILE, org.mhbench.judge.onnx.OutOfDistribution.FILE)) {
            Files.copy(trained.resolve(f), impostor.resolve(f));
        }
        String json = Files.readString(impostor.resolve(JudgeManifest.FILE));
        Files.writeString(impostor.resolve(JudgeManifest.FILE), json.replaceFirst("\"onnx:mhbench-judge-e5s-[0-9a-f]{8}\"",
                "\"onnx:mhbench-judge-e5s\""));
        CliRun clash = run("judge", runDir.toString(), "--judge", "onnx:" + impostor);
        assertEquals(ExitCodes.USAGE, clash.status(), clash.err());
        assertTrue(clash.err().contains("already holds verdicts of onnx:mhbench-judge-e5s made by another judge of "
                + "that name"), clash.err());
        assertEquals(1, clash.err().strip().lines().count(), clash.err());
        assertEquals(4, org.mhbench.runfolder.RunDirectory.readJudgments(runDir).size(), "nothing written");
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
