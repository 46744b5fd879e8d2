package org.mhbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The paper's data missing: a skipped test on a developer's machine, a failed one under CI. */
class TestFixturesTest {

    @Test
    void missingPaperDataSkipsOnADevelopersMachine(@TempDir Path tmp) {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> TestFixtures.requirePaperDir(tmp.resolve("nowhere").toString(), false));
        assertTrue(e.getMessage().contains("skipping"), e.getMessage());
    }

    @Test
    void missingPaperDataFailsUnderCi(@TempDir Path tmp) throws IOException {
        AssertionError e = assertThrows(AssertionError.class,
                () -> TestFixtures.requirePaperDir(tmp.resolve("nowhere").toString(), true));
        assertTrue(e.getMessage().contains("no " + tmp.resolve("nowhere").resolve("results")), e.getMessage());
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());

        Files.createDirectories(tmp.resolve("paper/results/stigma"));
        AssertionError part = assertThrows(AssertionError.class,
                () -> TestFixtures.requirePaperDir(tmp.resolve("paper").toString(), true, "results/interjections"));
        assertTrue(part.getMessage().contains("no " + tmp.resolve("paper/results/interjections")), part.getMessage());
    }

    @Test
    void presentPaperDataIsGiven(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("paper/results/interjections"));
        for (boolean ci : new boolean[] {false, true}) {
            assertEquals(tmp.resolve("paper"), TestFixtures.requirePaperDir(tmp.resolve("paper").toString(), ci,
                    "results/interjections"));
        }
    }
}
