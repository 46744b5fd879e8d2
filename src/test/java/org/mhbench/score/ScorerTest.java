package org.mhbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;

/** The scoring stage dispatches by experiment and writes the three tables. */
class ScorerTest {

    /** A scorer that counts its records, to see what it was given. */
    private static final class Counting implements ExperimentScorer {
        @Override
        public String experiment() {
            return "stigma";
        }

        @Override
        public ScoreResult score(List<ResponseRecord> records) {
            return new ScoreResult(List.of(new SummaryRow("stigma", "m", "none", "none", "none", "overall", "all",
                    records.size(), records.size(), 1, 1, 1)), List.of(), List.of(), List.of("counted"));
        }
    }

    @Test
    void dispatchesByExperimentAndNotesTheRest() {
        ResponseRecord stigma = Records.stigma("m", "dpr-white-man-grade8", "q08_work_closely", "A");
        ResponseRecord other = new ResponseRecord("x:none:s:0", "generate", "m", "ab", "none", "none", "none", "s",
                "s", 0, 0, null, null, stigma.completion(), null, stigma.finishedAt());
        ScoreResult report = new Scorer(List.of(new Counting())).score(List.of(stigma, other, stigma));
        assertEquals(2, report.summary().get(0).n());
        assertTrue(report.notes().contains("counted"));
        assertTrue(report.notes().contains("1 record of experiment 'generate' was not scored (no scorer for it)"));
    }

    @Test
    void writesTheTablesIntoTheRunFolder(@TempDir Path dir) throws IOException {
        RunDirectory run = RunDirectory.create(dir.resolve("run"));
        try (ResponseLog log = run.openResponses()) {
            log.append(Records.stigma("m", "dpr-white-man-grade8", "q08_work_closely", "A"));
        }
        new Scorer(List.of(new Counting())).scoreRun(run);
        for (String f : List.of(SummaryCsv.FILE, CoverageCsv.FILE, TestsCsv.FILE)) {
            assertTrue(Files.isRegularFile(run.root().resolve(f)), f);
        }
        assertEquals(1, SummaryCsv.read(run.root().resolve(SummaryCsv.FILE)).size());
    }

    @Test
    void aRunWithoutResponsesIsAnError(@TempDir Path dir) throws IOException {
        RunDirectory run = RunDirectory.create(dir.resolve("empty"));
        assertThrows(NoSuchFileException.class, () -> new Scorer(List.of(new Counting())).scoreRun(run));
    }

    @Test
    void oneScorerPerExperiment() {
        assertThrows(IllegalArgumentException.class, () -> new Scorer(List.of(new Counting(), new Counting())));
    }
}
