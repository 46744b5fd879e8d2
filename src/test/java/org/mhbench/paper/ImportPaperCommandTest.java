package org.mhbench.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.Main;

/** The import-paper and score commands, end to end through the command line, with exit statuses. */
class ImportPaperCommandTest {

    @Test
    void importThenScore(@TempDir Path dir) throws IOException {
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path run = dir.resolve("run");
        assertEquals(0, Main.execute("import-paper", "--from", paper.toString(), "--out", run.toString()));
        assertEquals(2, Main.execute("import-paper", "--from", paper.toString(), "--out", run.toString()),
                "the folder is in use");
        assertEquals(0, Main.execute("score", run.toString(), "--bootstrap-resamples", "200"));
        for (String f : new String[] {"summary.csv", "coverage.csv", "tests.csv"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertEquals(0, Main.execute("score", run.toString(), "--parser", "both", "--bootstrap-resamples", "200"));
        assertTrue(Files.readString(run.resolve("summary.csv")).contains("parser:lenient"));
    }

    @Test
    void badInputIsExitStatusTwo(@TempDir Path dir) throws IOException {
        assertEquals(2, Main.execute("score", dir.resolve("absent").toString()));
        assertEquals(2, Main.execute("score", dir.toString()), "no manifest");
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path run = dir.resolve("run");
        assertEquals(0, Main.execute("import-paper", "--from", paper.toString(), "--out", run.toString()));
        assertEquals(2, Main.execute("score", run.toString(), "--parser", "fuzzy"));
        assertEquals(2, Main.execute("score", run.toString(), "--human-baseline", dir.resolve("no.csv").toString()));
        assertEquals(2, Main.execute("import-paper", "--from", dir.resolve("nowhere").toString(), "--out",
                dir.resolve("r2").toString()));
    }
}
