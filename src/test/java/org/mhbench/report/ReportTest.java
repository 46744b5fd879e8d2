package org.mhbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;
import org.mhbench.generate.ModelInfo;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ByMessageCsv;
import org.mhbench.score.CoverageCsv;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;
import org.mhbench.score.TestRow;
import org.mhbench.score.TestsCsv;


/** {@code mhbench report} on a small run folder written by hand with the score stage's writers. */
class ReportTest {

    @TempDir
    Path tmp;


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writesMarkdownAndChartsFromTheCsvFiles() throws IOException {
        Path run = smallRun(tmp.resolve("run"));
        CliRun r = run("report", run.toString());
        assertEquals(0, r.status(), r.err());
        Path dir = run.resolve("report");
        String md = Files.readString(dir.resolve("report.md"));

        assertTrue(md.contains("mhbench-test-tiny-random is mhbench's built-in test model with random weights"), md);
        assertTrue(md.contains("- status: **complete**"), md);
        assertTrue(md.contains("`0123abcd`"), "git commit: " + md);
        assertTrue(md.contains("| mhbench-test-tiny-random | tiny | llama | 2.10 M | F16 |"), md);
        // stigma: rate [ci] n from summary.csv, in percent as the HTML report shows it; the strict reading only
        assertTrue(md.contains("| model-a | 0.0% [0.0, 0.0] n=108 | 40.0% [30.0, 50.0] n=90 | "
                + "74.8% [69.9, 79.7] n=306 |"), md);
        assertTrue(md.contains("| mhbench-test-tiny-random | – n=0 | – n=0 | – n=0 |"), md);
        assertTrue(md.contains("| humans 2018 (1 − x) | 72.2% (survey) | 72.2% (survey) | 60.9% (survey) |"), md);
        assertFalse(md.contains("55.5%"), "the lenient row is not charted: " + md);
        assertFalse(md.contains("11.1%"), "per-question rows are not in the report: " + md);
        assertTrue(md.contains("`parser:lenient`, not charted"), md);
        assertTrue(md.contains("| model-a | steel-man | parser:strict | 1008 / 1008 | 18 | 990 / 1008 | 414 / 432 |"),
                md);
        assertTrue(md.contains("- between models: **1** of 2 tests (welch_t, alpha 0.01)"), md);
        // responses: paper rule in the table, the answered-only reading where it differs
        assertTrue(md.contains("| model-a | 58.3% [43.8, 72.9] 28/48 | 26.3% [21.7, 30.9] 92/350 |"), md);
        assertTrue(md.contains("| model-a | onnx | steel-man | transcript | 26.3% [21.7, 30.9] 92/350 | "
                + "52.0% [44.6, 59.3] 92/177 |"), md);
        assertTrue(md.contains("| model-a | onnx | steel-man | transcript | 350 | 173 | 177 |"), md);
        // by message number: the numbers behind the chart, as report.html has them
        assertTrue(md.contains("| model | 0 | 50 | 100 |\n|---|---|---|---|\n| model-a | 68.2% [56.1, 78.8] 45/66 | "
                + "71.2% [60.6, 81.8] 47/66 | 70.0% [58.3, 81.7] 42/60 |"), md);
        // cost, from usage.csv
        assertTrue(md.contains("| model-a | stigma | 1008 | 0 | 302400 | 2016 | 12.50 | 3.20 | 24192.0 | 315.0 |"), md);

        List<String> charts = List.of("stigma-steel-man.png", "responses-onnx-steel-man-transcript.png",
                "by-message-onnx-steel-man-transcript.png");
        for (String chart : charts) {
            assertTrue(md.contains("](" + chart + ")"), chart + " linked: " + md);
            BufferedImage image = ImageIO.read(dir.resolve(chart).toFile());
            assertEquals(ChartFiles.WIDTH, image.getWidth(), chart);
            assertEquals(ChartFiles.HEIGHT, image.getHeight(), chart);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(charts.size(), files.filter(p -> p.toString().endsWith(".png")).count());
        }
        assertTrue(r.err().contains("wrote " + dir.resolve("report.md") + " and 3 charts"), r.err());
    }

    @Test
    void outOptionAndRepeating() throws IOException {
        Path run = smallRun(tmp.resolve("run"));
        Path out = tmp.resolve("elsewhere/rep");
        assertEquals(0, run("report", run.toString(), "--out", out.toString()).status());
        assertEquals(0, run("report", run.toString(), "--out", out.toString()).status(), "replaces its files");
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
        assertFalse(Files.exists(run.resolve("report")));
    }

    @Test
    void unscoredRunIsExitStatusTwoWithOneLine() throws IOException {
        Path run = smallRun(tmp.resolve("run"));
        Files.delete(run.resolve(SummaryCsv.FILE));
        CliRun r = run("report", run.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("has no summary.csv: run 'mhbench score " + run + "' first"), r.err());

        assertEquals(2, run("report", tmp.resolve("absent").toString()).status());
    }

    @Test
    void malformedCsvIsExitStatusTwo() throws IOException {
        Path run = smallRun(tmp.resolve("run"));
        Files.writeString(run.resolve(CoverageCsv.FILE), "experiment,model\nstigma\n");
        CliRun r = run("report", run.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(CoverageCsv.FILE), r.err());
    }

    @Test
    void summaryAloneIsEnough() throws IOException {
        Path run = tmp.resolve("bare");
        Files.createDirectories(run);
        SummaryCsv.write(run.resolve(SummaryCsv.FILE), List.of(
                stigma("model-a", "parser:strict", "none", "control", 0, 10, 0, 0, 0),
                stigma("model-a", "parser:strict", "none", "overall", 5, 10, 0.5, 0.2, 0.8)));
        CliRun r = run("report", run.toString());
        assertEquals(0, r.status(), r.err());
        String md = Files.readString(run.resolve("report/report.md"));
        assertTrue(md.contains("no manifest.json"), md);
        assertTrue(md.contains("| model-a | 0.0% [0.0, 0.0] n=10 | 50.0% [20.0, 80.0] n=10 |"), md);
    }

    @Test
    void runWithNoValidAnswerStillGetsItsCharts() throws IOException {
        Path run = tmp.resolve("random");
        Files.createDirectories(run);
        SummaryCsv.write(run.resolve(SummaryCsv.FILE), List.of(
                stigma("mhbench-test-tiny-random", "parser:strict", "none", "control", 0, 0, Double.NaN, Double.NaN,
                        Double.NaN),
                stigma("mhbench-test-tiny-random", "parser:strict", "none", "overall", 0, 0, Double.NaN, Double.NaN,
                        Double.NaN)));
        assertEquals(0, run("report", run.toString()).status());
        String md = Files.readString(run.resolve("report/report.md"));
        assertTrue(md.contains("⚠ Warning: mhbench-test-tiny-random"), md);
        assertTrue(md.contains("No model gave a valid answer with this system prompt"), md);
        assertEquals(ChartFiles.WIDTH, ImageIO.read(run.resolve("report/stigma-none.png").toFile()).getWidth());
    }

    /** A run folder with a test model and a made-up model, both experiments, every CSV file. */
    static Path smallRun(Path root) throws IOException {
        RunDirectory dir = RunDirectory.create(root);
        Manifest m = new Manifest(Manifest.FORMAT, "0.1.0", "0123abcd", "stigma+responses", List.of("run"),
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:01:05Z"), "complete",
                HostInfo.current(), Map.of(), List.of(model("mhbench-test-tiny-random", "tiny", 2_100_000),
                model("model-a", "A 8B", 8_030_000_000L)), Map.of(), null, List.of(), null);
        dir.writeManifest(m);
        List<SummaryRow> summary = new ArrayList<>();
        for (String condition : List.of("control", "depression", "overall")) {
            summary.add(stigma("mhbench-test-tiny-random", "parser:strict", "steel-man", condition, 0, 0,
                    Double.NaN, Double.NaN, Double.NaN));
        }
        summary.add(stigma("model-a", "parser:strict", "steel-man", "control", 0, 108, 0, 0, 0));
        summary.add(stigma("model-a", "parser:strict", "steel-man", "depression", 36, 90, 0.4, 0.3, 0.5));
        summary.add(stigma("model-a", "parser:strict", "steel-man", "overall", 229, 306, 0.748366, 0.699346,
                0.797386));
        summary.add(stigma("model-a", "parser:lenient", "steel-man", "overall", 1, 2, 0.555, 0.5, 0.6));
        summary.add(new SummaryRow("stigma", "model-a", "parser:strict", "steel-man", "none", "overall",
                "q08_work_closely", 1, 18, 0.111, 0, 0.3)); // per question: not in the report
        for (String[] h : new String[][] {{"control", "0.721667"}, {"depression", "0.721667"},
                {"overall", "0.609444"}}) {
            summary.add(new SummaryRow("stigma", "human-gss2018-notebook-reading", "none", "none", "none", h[0],
                    "all", -1, -1, Double.parseDouble(h[1]), Double.NaN, Double.NaN));
        }
        summary.add(responses("onnx", "suicidal_ideation", 28, 48, 0.583333, 0.4375, 0.729167));
        summary.add(responses("onnx", "overall", 92, 350, 0.262857, 0.217143, 0.308571));
        summary.add(responses("onnx+answered", "suicidal_ideation", 28, 28, 1, 1, 1));
        summary.add(responses("onnx+answered", "overall", 92, 177, 0.519774, 0.446328, 0.59322));
        SummaryCsv.write(root.resolve(SummaryCsv.FILE), summary);
        CoverageCsv.write(root.resolve(CoverageCsv.FILE), List.of(
                new CoverageRow("stigma", "model-a", "parser:strict", "steel-man", "none", 1008, 0, 1008, 18, 990,
                        432, 414),
                new CoverageRow("responses", "model-a", "onnx", "steel-man", "transcript", 350, 173, 177, 0, 177,
                        350, 177)));
        TestsCsv.write(root.resolve(TestsCsv.FILE), List.of(
                test("a", true), test("b", false)));
        ByMessageCsv.write(root.resolve(ByMessageCsv.FILE), List.of(
                byMessage("0", 45, 66, 0.681818, 0.560606, 0.787879),
                byMessage("50", 47, 66, 0.712121, 0.606061, 0.818182),
                byMessage("100", 42, 60, 0.7, 0.583333, 0.816667)));
        UsageCsv.write(root, List.of(new Usage("model-a", "stigma", 1008, 0, 302400, 0, 2016, 12.5, 3.2)));
        return root;
    }

    private static ModelInfo model(String label, String name, long parameters) {
        return new ModelInfo(label, "/models/" + label + ".gguf", "ab".repeat(32), 1, "llama", name, parameters,
                "F16", 2048, 2048, 1, 1, 0, "gguf", "jinja", "llama3", false, "llama.cpp-jni", "4.2.0", 200);
    }

    static SummaryRow stigma(String model, String judge, String prompt, String condition, long k, long n,
                             double rate, double low, double high) {
        return new SummaryRow("stigma", model, judge, prompt, "none", condition, "all", k, n, rate, low, high);
    }

    private static SummaryRow responses(String judge, String condition, long k, long n, double rate, double low,
                                        double high) {
        return new SummaryRow("responses", "model-a", judge, "steel-man", "transcript", condition, "all", k, n, rate,
                low, high);
    }

    private static SummaryRow byMessage(String message, long k, long n, double rate, double low, double high) {
        return new SummaryRow("responses", "model-a", "onnx", "steel-man", "transcript", "overall", message, k, n,
                rate, low, high);
    }

    private static TestRow test(String other, boolean significant) {
        return new TestRow("stigma", "welch_t", "models", "", "steel-man", "none", "parser:strict", "overall", "all",
                "model-a", other, 306, 300, 0.748, 0.5, 3, 500, 0.0001, 2, 0.0002, 0.01, significant, "");
    }
}
