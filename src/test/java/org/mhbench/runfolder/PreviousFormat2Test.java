package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;
import org.mhbench.util.Json;

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
        assertEquals("llama-server", m.parameters().backend());
        assertEquals("stigma+responses", m.experiment());
        assertEquals("complete", m.status());
        assertEquals(List.of("stigma", "responses"), List.copyOf(m.parameters().experiments().keySet()));
        assertEquals(4, m.parameters().limit());
        assertEquals("f98d06d2299cf50b", m.parameters().runId());
        ExperimentParameters stigma = m.parameters().experiments().get("stigma");
        assertEquals(8, stigma.maxTokens());
        assertEquals("until the first word is decided", stigma.setting("answers").orElseThrow());
        assertEquals(5, stigma.stimulusFilesSha256().size());
        assertEquals(151, m.parameters().experiments().get("responses").systemPrompts().get(0).systemMessageChars());
        assertEquals("onnx:mhbench-judge-e5s", m.judges().get(0).id());
        assertEquals(64, m.judges().get(0).trainingDataSha256().length());
        assertEquals(8, m.cost().items());
        assertEquals(null, m.cost().tries());
        assertEquals(8, ResponseLog.read(RunDirectory.open(tmp.resolve("v2")).responsesFile()).size());
        assertTrue(RunDirectory.readJudgments(tmp.resolve("v2")).size() > 0);
    }

    /** Format 3 writes what format 2 wrote under the same names: users' scripts read manifest.json. */
    @Test
    void aFormat2ManifestIsWrittenAgainUnderTheSameNames(@TempDir Path tmp) throws IOException {
        Path dir = copyOfV2(tmp);
        JsonNode before = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        RunDirectory d = RunDirectory.open(dir);
        d.writeManifest(d.readManifest().orElseThrow());
        JsonNode after = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(Manifest.FORMAT, after.path("format").asText());
        ((ObjectNode) before).remove("format");
        ((ObjectNode) after).remove("format");
        assertEquals(before, after);
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
