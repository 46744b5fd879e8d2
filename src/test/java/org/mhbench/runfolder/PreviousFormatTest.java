package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;

/**
 * A run folder written by format 1 (mhbench before the backends: a responses run of the built-in test
 * model, judged by the ONNX judge, kept in src/test/resources/runfolder-v1) still reads, scores,
 * reports and resumes.
 */
class PreviousFormatTest {

    static Path copyOfV1(Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("v1"));
        for (String f : List.of("manifest.json", "responses.jsonl", "judgments.jsonl", "usage.csv")) {
            try (InputStream in = PreviousFormatTest.class.getResourceAsStream("/runfolder-v1/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        // The folder was written on a machine whose cache was /root/.cache/mhbench: point it at this one's
        // built-in test model (the same bytes, written from the same seed).
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("/root/.cache/mhbench/",
                org.mhbench.util.CacheDir.root() + "/"));
        return dir;
    }

    @Test
    void aFormat1ManifestReadsUpgraded(@TempDir Path tmp) throws IOException {
        Manifest m = RunDirectory.open(copyOfV1(tmp)).readManifest().orElseThrow();
        assertEquals(Manifest.FORMAT, m.format());
        assertEquals("llama.cpp-jni", m.parameters().backend());
        assertEquals("llama.cpp-jni", m.binding().get("backend"));
        assertEquals("de.kherud:llama", m.binding().get("name"));
        assertEquals("complete", m.status());
        assertTrue(ResponseLog.read(RunDirectory.open(tmp.resolve("v1")).responsesFile()).size() > 0);
        assertTrue(RunDirectory.readJudgments(tmp.resolve("v1")).size() > 0);
    }

    @Test
    void aFormat1FolderScoresAndReports(@TempDir Path tmp) throws IOException {
        Path dir = copyOfV1(tmp);
        CliRun score = CliRun.of("score", dir.toString(), "--bootstrap-resamples", "100");
        assertEquals(0, score.status(), score.err());
        assertTrue(Files.readString(dir.resolve("summary.csv")).contains("onnx:mhbench-judge-e5s"));
        CliRun report = CliRun.of("report", dir.toString());
        assertEquals(0, report.status(), report.err());
    }

    @Test
    void aFormat1RunResumesOnItsOwnBackendWithNothingToRedo(@TempDir Path tmp) throws IOException {
        Path dir = copyOfV1(tmp);
        long before = Files.lines(dir.resolve("responses.jsonl")).count();
        // Its verdicts are those of the shipped judge of that time (onnx:mhbench-judge-e5s version 1). Today's
        // shipped judge bears the same name but is another judge, and a resume rightly refuses to mix its
        // verdicts with those; so this copy drops them (and the manifest's record of that judge), and the
        // resume judges the replies again with nothing generated again.
        Files.delete(dir.resolve("judgments.jsonl"));
        com.fasterxml.jackson.databind.node.ObjectNode manifest = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.mhbench.util.Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        manifest.putArray("judges");
        Files.writeString(dir.resolve("manifest.json"), org.mhbench.util.Json.PRETTY.writeValueAsString(manifest));
        CliRun r = CliRun.of("run", "--resume", "--out", dir.toString(), "--no-score");
        assertEquals(0, r.status(), r.err());
        assertEquals(before, Files.lines(dir.resolve("responses.jsonl")).count(), "nothing generated again");
        Manifest m = RunDirectory.open(dir).readManifest().orElseThrow();
        assertEquals(Manifest.FORMAT, m.format(), "rewritten in the current format");
        assertEquals("complete", m.status());
        assertEquals(before, RunDirectory.readJudgments(dir).size(), "every reply judged again");
    }
}
