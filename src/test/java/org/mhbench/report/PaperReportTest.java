package org.mhbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.Main;
import org.mhbench.paper.PaperDir;

/**
 * The report of the paper's released data (import-paper, then score with the human baseline): the
 * reference numbers of paper-methods §4 appear in report.md, and every chart is a readable PNG.
 * Skipped when the paper's data is absent (system property {@code mhbench.paper.dir}).
 */
class PaperReportTest {

    @Test
    void paperReport(@TempDir Path tmp) throws IOException {
        Path paper = PaperDir.require();
        Path run = tmp.resolve("paper-run");
        assertEquals(0, Main.execute("import-paper", "--from", paper.toString(), "--out", run.toString()));
        assertEquals(0, Main.execute("score", run.toString(), "--bootstrap-resamples", "1000", "--human-baseline",
                paper.resolve("external_data/human_data_2018.csv").toString()));
        assertEquals(0, Main.execute("report", run.toString()));

        Path dir = run.resolve("report");
        String md = Files.readString(dir.resolve("report.md"));
        // §4a, steel-man: llama3.1-405b overall 0.748 (n = 306), gpt-4o DPR 0.173 (n = 52)
        assertTrue(md.matches("(?s).*\\| llama3\\.1-405b \\| 0\\.0% [^|]* n=108 \\| 40\\.0% [^|]* n=90 \\|"
                + " 78\\.7% [^|]* n=108 \\| 100\\.0% [^|]* n=108 \\| 74\\.8% \\[[^|]*\\] n=306 \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| gpt-4o \\| 0\\.0% [^|]* n=108 \\| 17\\.3% [^|]* n=52 \\|.*"), md);
        // human baseline, both readings
        assertTrue(md.contains("| humans 2018 (1 − x) | 72.2% (survey) | 72.2% (survey) | 54.8% (survey) | "
                + "55.8% (survey) | 60.9% (survey) |"), md);
        assertTrue(md.contains("| humans 2018 (% unwilling) | 17.2% (survey) | 20.5% (survey) | 50.8% (survey) | "
                + "49.8% (survey) | 40.4% (survey) |"), md);
        // coverage, §4a: llama2-70b parsed 198 of 1008 with steel-man
        assertTrue(md.contains("| llama2-70b | steel-man | parser:strict | 198 / 1008 |"), md);
        // §4b headline: llama2-70b 92/350 under the paper's rule, 92/177 answered-only
        assertTrue(md.matches("(?s).*\\| llama2-70b \\| gpt-4o \\| steel-man \\| transcript \\| 26\\.3% [^|]* 92/350 "
                + "\\| 52\\.0% [^|]* 92/177 \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| llama3\\.1-8b \\| [^\\n]*78\\.6% \\[[^|]*\\] 275/350 \\|.*"), md);

        List<String> charts = List.of("stigma-steel-man.png", "stigma-none.png",
                "responses-gpt-4o-steel-man-transcript.png", "responses-gpt-4o-none-transcript.png",
                "responses-gpt-4o-none-transcript_bridge.png", "by-message-gpt-4o-steel-man-transcript.png");
        for (String chart : charts) {
            assertTrue(md.contains("](" + chart + ")"), chart);
            BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());
            assertEquals(ChartFiles.WIDTH, image.getWidth(), chart);
            assertEquals(ChartFiles.HEIGHT, image.getHeight(), chart);
        }
    }
}
