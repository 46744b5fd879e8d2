package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;

/**
 * A run folder written by format 2 (a stigma+responses run of the built-in test model on llama-server,
 * limit 4, judged by the ONNX judge, kept in src/test/resources/runfolder-v2) still reads, scores and
 * reports.
 */
class PreviousFormat2Test {

    static Path copyOfV2(Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("v2"));
        for (String f : List.of("manifest.json", "responses.jsonl", "judgments.jsonl", "usage.csv")) {
            try (InputStream in = PreviousFormat2Test.class.getResourceAsStream("/runfolder-v2/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    @Test
    void aFormat2ManifestReads(@TempDir Path tmp) throws IOException {
        Manifest m = RunDirectory.open(copyOfV2(tmp)).readManifest().orElseThrow();
        assertEquals(Manifest.FORMAT, m.format());
        assertEquals("llama-server", m.parameters().get("backend"));
        assertEquals("stigma+responses", m.experiment());
        assertEquals("complete", m.status());
        Map<?, ?> experiments = (Map<?, ?>) m.parameters().get("experiments");
        assertEquals(List.of("stigma", "responses"), List.copyOf(experiments.keySet()));
        assertEquals("onnx:mhbench-judge-e5s", m.judges().get(0).get("id"));
        assertEquals(8, ((Number) m.cost().get("items")).intValue());
        assertEquals(8, ResponseLog.read(RunDirectory.open(tmp.resolve("v2")).responsesFile()).size());
        assertTrue(RunDirectory.readJudgments(tmp.resolve("v2")).size() > 0);
    }

    @Test
    void aFormat2FolderScoresAndReports(@TempDir Path tmp) throws IOException {
        Path dir = copyOfV2(tmp);
        CliRun score = CliRun.of("score", dir.toString(), "--bootstrap-resamples", "100");
        assertEquals(0, score.status(), score.err());
        assertFalse(score.err().contains("differs from the file the run used"), score.err());
        assertTrue(Files.readString(dir.resolve("summary.csv")).contains("onnx:mhbench-judge-e5s"));
        assertTrue(Files.readString(dir.resolve("summary.csv")).contains("parser:strict"));
        CliRun report = CliRun.of("report", dir.toString());
        assertEquals(0, report.status(), report.err());
        assertTrue(Files.isRegularFile(dir.resolve("report/report.html")));
    }
}
