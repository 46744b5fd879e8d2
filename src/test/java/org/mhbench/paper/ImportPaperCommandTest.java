package org.mhbench.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;
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

    /**
     * Tables go to stdout and notes to stderr; the human baseline's explanations (its two readings, the
     * survey's "group home" row that matches no question) are printed once per run folder, again when
     * the baseline is added or dropped, and always with --verbose.
     */
    @Test
    void scoreSaysTheBaselineNotesOncePerRunFolder(@TempDir Path dir) throws IOException {
        Path paper = FakePaper.create(dir.resolve("paper"));
        Path run = dir.resolve("run");
        assertEquals(0, Main.execute("import-paper", "--from", paper.toString(), "--out", run.toString()));
        Path baseline = dir.resolve("gss.csv");
        Files.writeString(baseline, """
                question,schizophrenia,depression,alcohol dependence,daily troubles
                Willing to work closely with them?,40,20,30,20
                group home,99,99,99,99
                """);
        String[] withBaseline = {"score", run.toString(), "--bootstrap-resamples", "200", "--human-baseline",
                baseline.toString()};
        CliRun first = CliRun.of(withBaseline);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().contains("note: human baseline: row \"group home\""), first.err());
        assertTrue(first.out().contains("rate (n) per condition"), "tables on stdout: " + first.out());
        assertFalse(first.out().contains("note:"), "notes on stderr, not stdout: " + first.out());
        assertTrue(first.out().contains("pairwise tests, 0 significant after Bonferroni correction; "), first.out());
        assertTrue(first.out().contains("have no p-value (a group with too few answers"), "says what the "
                + "undefined tests are: " + first.out());

        CliRun second = CliRun.of(withBaseline);
        assertEquals(0, second.status(), second.err());
        assertFalse(second.err().contains("group home"), "said once per run folder: " + second.err());
        assertFalse(second.err().contains("human baseline"), second.err());

        String[] verbose = java.util.Arrays.copyOf(withBaseline, withBaseline.length + 1);
        verbose[withBaseline.length] = "--verbose";
        CliRun asked = CliRun.of(verbose);
        assertTrue(asked.err().contains("\"group home\""), "--verbose shows it again: " + asked.err());

        CliRun dropped = CliRun.of("score", run.toString(), "--bootstrap-resamples", "200");
        assertTrue(dropped.err().contains("human baseline skipped"), "dropping the baseline is news: " + dropped.err());
        CliRun again = CliRun.of("score", run.toString(), "--bootstrap-resamples", "200");
        assertFalse(again.err().contains("human baseline skipped"), again.err());
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
