package org.mhbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.cli.CliRun;

/** {@code mhbench run} writes the report after scoring, with the test-model warning. */
class RunWritesReportTest {

    @Test
    void runEndsWithAReport(@TempDir Path tmp) throws IOException {
        String tiny = TestFixtures.tinyModel().toString();
        Path dir = tmp.resolve("run");
        CliRun r = CliRun.of("run", "-e", "responses", "-m", tiny, "--label",
                "mhbench-test-tiny-random", "--judge", "llm:" + tiny, "--max-tokens", "2", "-t", "1",
                "--system-prompt", "none", "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("wrote " + dir.resolve("report").resolve(Report.FILE)), r.err());
        String md = Files.readString(dir.resolve("report").resolve(Report.FILE));
        assertTrue(md.contains("⚠ Warning: mhbench-test-tiny-random"), md);
        assertTrue(md.contains("## Appropriate responses"), md);
        assertTrue(md.contains("## Cost"), md);
        // the run's own cost: generation and judging apart, in the manifest, the report and on stderr
        org.mhbench.runfolder.CostSummary cost = org.mhbench.runfolder.RunDirectory.open(dir).readManifest()
                .orElseThrow().cost();
        assertEquals(10, cost.generation().items());
        assertEquals(10, cost.judging().items(), "every reply judged, by the LLM judge as replies came");
        assertTrue(cost.judging().seconds() > 0 && cost.judging().seconds() < cost.wallSeconds(), cost.toString());
        assertEquals(cost.wallSeconds() - cost.judging().seconds(), cost.generation().seconds(), 0.002);
        assertTrue(md.contains("| this run | 10 | ") && md.contains("10 in "), md);
        assertTrue(r.err().contains("judging 10 verdicts in "), r.err());
        // tables on stdout (the scores and the cost table alike), notes and progress on stderr
        assertTrue(r.out().contains("prompt tok"), "the cost table goes to stdout: " + r.out());
        assertTrue(r.out().contains("rate (n) per condition"), r.out());
        assertTrue(!r.err().contains("prompt tok"), "not to stderr: " + r.err());
    }
}
