package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mhbench import-responses} refuses a file with nothing usable, before it writes anything. */
class ImportResponsesCommandTest {

    @TempDir
    Path tmp;

    /** Exit 2, one line naming the file (and line), no run folder created. */
    private CliRun refused(Path file, String expected) {
        Path out = tmp.resolve("run-" + file.getFileName());
        CliRun r = CliRun.of("import-responses", file.toString(), "--source", "people", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(Files.exists(out), "no run folder for nothing: " + out);
        return r;
    }

    @Test
    void aFileWithNoUsableRowIsAnErrorAndWritesNothing() throws IOException {
        refused(Files.writeString(tmp.resolve("garbage.csv"), "hello world garbage\n"),
                "garbage.csv:1: the header has no \"stimulus\" (or \"id\") column (it reads: hello world garbage)");
        refused(Files.writeString(tmp.resolve("prose.txt"), "Dear diary,\nToday was a good day.\nThe end.\n"),
                "prose.txt:1: not a CSV header: A header name is missing");
        refused(Files.writeString(tmp.resolve("empty.csv"), ""), "empty.csv: the file is empty: no replies to import");
        refused(Files.writeString(tmp.resolve("blank.jsonl"), "\n\n"), "blank.jsonl: it holds only blank lines");
        refused(Files.writeString(tmp.resolve("header.csv"), "stimulus,response,label\n"),
                "header.csv:1: a header with no rows after it: no replies to import");
        refused(Files.writeString(tmp.resolve("silent.csv"), "stimulus,response\nbridge,\ndead,\"\"\n"),
                "silent.csv:2: the response is empty, as in every row");
        refused(Files.writeString(tmp.resolve("bad.jsonl"), "{\"stimulus\": \"bridge\", \"response\": \"ok\"}\nnot json\n"),
                "bad.jsonl:2: not JSON");
    }

    @Test
    void addingNothingToARunLeavesItAsItWas() throws IOException {
        Path good = Files.writeString(tmp.resolve("good.csv"), "stimulus,response\nbridge,How are you feeling?\n");
        Path run = tmp.resolve("run");
        CliRun ok = CliRun.of("import-responses", good.toString(), "--source", "a", "--out", run.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.err().contains("imported 1 reply (0 without text) and 0 labels (judge human) of a into"), ok.err());
        byte[] before = Files.readAllBytes(run.resolve("responses.jsonl"));
        byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
        Path garbage = Files.writeString(tmp.resolve("g.csv"), "garbage\n");
        CliRun r = CliRun.of("import-responses", garbage.toString(), "--source", "b", "--into", run.toString());
        assertEquals(ExitCodes.USAGE, r.status(), r.err());
        assertArrayEquals(before, Files.readAllBytes(run.resolve("responses.jsonl")));
        assertArrayEquals(manifest, Files.readAllBytes(run.resolve("manifest.json")));
    }

    @Test
    void anEmptySourceIsRefused() throws IOException {
        Path good = Files.writeString(tmp.resolve("good.csv"), "stimulus,response\nbridge,How are you feeling?\n");
        CliRun r = CliRun.of("import-responses", good.toString(), "--source", " ", "--out",
                tmp.resolve("run").toString());
        assertEquals(ExitCodes.USAGE, r.status(), r.err());
        assertTrue(r.err().contains("--source is empty"), r.err());
        assertFalse(Files.exists(tmp.resolve("run")));
    }
}
