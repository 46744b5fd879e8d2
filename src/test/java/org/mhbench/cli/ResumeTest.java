package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.util.Json;

/** {@code run --resume} as documented: everything from the manifest, nothing else needed, differences named. */
class ResumeTest {

    static final String TINY = TestFixtures.tinyModel().toString();

    static CliRun start(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-e", "responses", "-m", TINY, "--label", "mine",
                "--backend", "jni", "-t", "1", "-c", "1024", "--max-tokens", "3", "--no-judge", "--no-score",
                "--system-prompt", "none", "--seed", "7", "--out", dir.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    static List<ResponseRecord> records(Path dir) throws IOException {
        return ResponseLog.read(dir.resolve("responses.jsonl"));
    }

    @Test
    void resumeNeedsNothingButTheFolderAndFinishesALimitedRun(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        CliRun first = start(dir, "--limit", "2");
        assertEquals(0, first.status(), first.err());
        assertEquals(2, records(dir).size());

        CliRun resumed = CliRun.of("run", "--resume", "--out", dir.toString(), "--limit", "0");
        assertEquals(0, resumed.status(), resumed.err());
        assertFalse(resumed.err().contains("no --model given"), "no fallback to the test model: " + resumed.err());
        List<ResponseRecord> all = records(dir);
        Set<String> ids = all.stream().map(ResponseRecord::id).collect(Collectors.toSet());
        assertEquals(all.size(), ids.size(), "nothing repeated");
        assertTrue(all.size() > 2, "the rest was generated: " + all.size());
        assertTrue(all.stream().allMatch(r -> r.model().equals("mine")), "the run's own label");
        assertTrue(all.stream().allMatch(r -> r.seed() == 7), "the run's own seed");
        JsonNode m = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("complete", m.path("status").asText());
        assertEquals("mine", m.path("models").path(0).path("label").asText());
        assertTrue(m.path("command").toString().contains("--limit"), "the start command is kept: " + m.path("command"));

        CliRun again = CliRun.of("run", "--resume", "--out", dir.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(all.size(), records(dir).size(), "a complete run resumes to nothing new");
    }

    @Test
    void optionsGivenAgainMustMatchAndEachDifferenceIsNamed(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        assertEquals(0, start(dir, "--limit", "1").status());
        CliRun same = CliRun.of("run", "--resume", "--out", dir.toString(), "--label", "mine", "-t", "1");
        assertEquals(0, same.status(), same.err());
        CliRun differ = CliRun.of("run", "--resume", "--out", dir.toString(), "-t", "2", "--seed", "8");
        assertEquals(2, differ.status(), differ.err());
        assertTrue(differ.err().contains("--threads 2 (started with 1)"), differ.err());
        assertTrue(differ.err().contains("--seed 8 (started with 7)"), differ.err());
        CliRun model = CliRun.of("run", "--resume", "--out", dir.toString(), "-m", TINY + ".other");
        assertEquals(2, model.status(), model.err());
        assertTrue(model.err().contains("--model"), model.err());
    }

    @Test
    void resumeOfAMissingFolderOrWithoutOutIsAnErrorThatStartsNothing(@TempDir Path tmp) {
        Path missing = tmp.resolve("typo");
        CliRun r = CliRun.of("run", "--resume", "--out", missing.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("no such run folder"), r.err());
        assertFalse(Files.exists(missing), "nothing created");
        CliRun noOut = CliRun.of("run", "--resume");
        assertEquals(2, noOut.status(), noOut.err());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }

    @Test
    void scoreRefreshesTheReportAndPointsToItsOwnBaselineOption(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        CliRun r = CliRun.of("run", "-e", "stigma", "-m", TINY, "--backend", "jni", "-t", "1", "-c", "1024",
                "--limit", "6", "--system-prompt", "none", "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("mhbench score RUN_DIR --human-baseline FILE")
                || r.out().contains("mhbench score RUN_DIR --human-baseline FILE"), r.err());
        Path report = dir.resolve("report").resolve("report.md");
        assertTrue(Files.isRegularFile(report));
        Files.delete(report);
        CliRun scored = CliRun.of("score", dir.toString(), "--bootstrap-resamples", "100");
        assertEquals(0, scored.status(), scored.err());
        assertTrue(Files.isRegularFile(report), "score rewrote the report it would otherwise contradict");
    }
}
