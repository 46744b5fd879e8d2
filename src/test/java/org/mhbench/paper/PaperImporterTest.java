package org.mhbench.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.StrictParser;
import org.mhbench.util.Hashing;
import org.mhbench.util.Json;

/** The paper importer, on a synthetic repository and on the real one. */
class PaperImporterTest {

    private static final StigmaStimuli STIMULI = StigmaStimuli.load(Path.of("stimuli", "stigma"));

    private static PaperImporter importer() {
        return new PaperImporter(List.of(new StigmaPaperImporter(STIMULI)));
    }

    @Test
    void importsRowsMapsIdsAndRecordsMissingOutputs(@TempDir Path dir) throws IOException {
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path out = dir.resolve("run");
        PaperImporter.Result result = importer().run(paper, out, List.of("import-paper"));
        assertEquals(3, result.records());
        assertEquals(1, result.failures());
        assertTrue(result.notes().contains("skipped 2 interjection files (not yet supported)"), result.notes().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("all_combined.csv")));
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("unknown paper model acme__Tiny-1B imported as "
                + "tiny-1b")));

        List<ResponseRecord> records = ResponseLog.read(out.resolve("responses.jsonl"));
        ResponseRecord first = records.get(0);
        assertEquals("ctl-white-man-grade8/q08_work_closely", first.stimulus());
        assertEquals("q08_work_closely", first.item());
        assertEquals("control", first.condition());
        assertEquals("tiny-1b", first.model());
        assertEquals(Hashing.sha256("tiny-1b"), first.modelSha256());
        assertEquals("steel-man", first.systemPrompt());
        assertEquals(new RecordKey(Hashing.sha256("tiny-1b"), "steel-man", first.stimulus(), 0).id(), first.id());
        assertEquals("A", first.output());
        assertEquals(-1, first.completion().promptTokens());
        assertEquals(-1, first.completion().completionTokens());
        assertEquals(0.0, first.completion().promptMillis());
        assertNull(first.completion().finishReason());
        assertEquals(List.of(), first.messages());
        assertEquals("free", first.attributes().get("decoding"));
        assertEquals(Instant.parse("2025-02-03T00:00:00Z"), first.finishedAt());

        ResponseRecord missing = records.get(1);
        assertEquals("scz-black-woman-college/q13_violence_others", missing.stimulus());
        assertTrue(missing.failed());
        assertEquals(StigmaPaperImporter.MISSING, missing.failure().kind());
        assertEquals("dpr-hispanic-woman-highschool/q01_mental_illness", records.get(2).stimulus());
        assertEquals("  C. o3", records.get(2).output(), "raw output, not trimmed");

        Manifest m = RunDirectory.open(out).readManifest().orElseThrow();
        assertEquals("stigma", m.experiment());
        assertEquals("complete", m.status());
        assertEquals(1, m.models().size());
        assertEquals("imported:moore2025", m.models().get(0).backend());
        assertEquals("acme__Tiny-1B", m.models().get(0).modelName());
        assertEquals("paper-import", m.parameters().source());
    }

    @Test
    void refusesAFolderThatIsInUse(@TempDir Path dir) throws IOException {
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path out = Files.createDirectories(dir.resolve("run"));
        Files.writeString(out.resolve("something"), "x");
        assertThrows(IllegalArgumentException.class, () -> importer().run(paper, out, List.of()));
        assertThrows(PaperFormatException.class, () -> importer().run(dir.resolve("nowhere"), dir.resolve("r2"),
                List.of()));
    }

    @Test
    void aLineThatIsNotJsonNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path file = paper.resolve("results/stigma/model=acme__Tiny-1B&steel-man-prompt=True/2025-02-03.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.add(1, "{\"condition\": ");
        Files.write(file, lines);
        PaperFormatException e = assertThrows(PaperFormatException.class,
                () -> importer().run(paper, dir.resolve("run"), List.of()));
        assertTrue(e.getMessage().startsWith(file + ":2: not JSON: "), e.getMessage());

        Files.write(file, List.of(lines.get(0), "[1, 2]"));
        e = assertThrows(PaperFormatException.class, () -> importer().run(paper, dir.resolve("run2"), List.of()));
        assertEquals(file + ":2: each line must be a JSON object", e.getMessage());
    }

    @Test
    void unknownQuestionTextNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path file = paper.resolve("results/stigma/model=acme__Tiny-1B&steel-man-prompt=True/2025-02-03.jsonl");
        Files.writeString(file, Files.readString(file).replace("Made-up question 13?", "Another question?"));
        PaperFormatException e = assertThrows(PaperFormatException.class,
                () -> importer().run(paper, dir.resolve("run"), List.of()));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void importsTheWholeRelease(@TempDir Path dir) throws IOException {
        Path paper = PaperDir.require();
        PaperImporter.Result result = importer().run(paper, dir.resolve("run"), List.of());
        assertEquals(12 * 1008, result.records());
        assertEquals(0, result.failures());
        assertTrue(result.notes().stream().anyMatch(n -> n.matches("skipped \\d+ interjection files \\(not yet "
                + "supported\\)")), result.notes().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("ignored results/stigma/model=meta-llama__"
                + "Llama-3.1-8B-Instruct&steel-man-prompt=False/2025-01-02.jsonl")), result.notes().toString());
        Manifest m = RunDirectory.open(dir.resolve("run")).readManifest().orElseThrow();
        assertEquals(List.of("gpt-4o", "llama3.1-405b", "llama3.1-70b", "llama3.1-8b", "llama2-70b", "llama2-7b"),
                m.models().stream().map(x -> x.label()).toList());
    }

    /** paper-methods §1.5: re-parsing every stored output with the strict rule gives every stored answer. */
    @Test
    void strictParserReproducesEveryStoredAnswer() throws IOException {
        Path root = PaperDir.require().resolve("results/stigma");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertEquals(13, files.size());
        StrictParser parser = new StrictParser();
        int rows = 0;
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonNode row = Json.LENIENT.readTree(line);
                List<String> options = new ArrayList<>();
                row.get("options").forEach(o -> options.add(o.asText()));
                Optional<String> letter = parser.parse(row.get("output").asText(), options);
                String answer = letter.map(l -> options.get(l.charAt(0) - 'A')).orElse(null);
                JsonNode stored = row.get("answer");
                assertEquals(stored.isNull() ? null : stored.asText(), answer, f + ": " + row.get("output"));
                rows++;
            }
        }
        assertEquals(13 * 1008, rows);
    }
}
