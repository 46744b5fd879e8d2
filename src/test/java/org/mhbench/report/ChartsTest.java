package org.mhbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;

/**
 * What the report's charts say on their face: titles that name their fields, percent on the axis as in
 * the title, a 0 that does not look like "no data", and a note on a chart with no bars.
 */
class ChartsTest {

    private static final Color BLUE = ChartFiles.modelColor(0);

    private static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static GroupedBarChart.Mark mark(GroupedBarChart chart, String text, int index) {
        return chart.marks().stream().filter(m -> m.text().startsWith(text)).skip(index).findFirst()
                .orElseThrow(() -> new AssertionError("no mark '" + text + "' #" + index + ": " + chart.marks()));
    }

    /** Pixels in a box around (x, y) that are not white or near-white. */
    private static int inked(BufferedImage image, double x, double y, int dx, int dy) {
        int n = 0;
        for (int i = (int) x - dx; i <= (int) x + dx; i++) {
            for (int j = (int) y - dy; j <= (int) y + dy; j++) {
                Color c = new Color(image.getRGB(i, j));
                if (c.getRed() + c.getGreen() + c.getBlue() < 600) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aZeroRateAndNoDataLookDifferent() {
        BarSeries s = new BarSeries("model-a", List.of(0.0, Double.NaN, 40.0), List.of(0.0, Double.NaN, 30.0),
                List.of(0.0, Double.NaN, 50.0), BLUE);
        GroupedBarChart chart = GroupedBarChart.of("t", "condition", "%", List.of("control", "depression", "overall"),
                List.of(s));
        BufferedImage image = render(chart);
        GroupedBarChart.Mark zero = mark(chart, GroupedBarChart.ZERO, 0);
        GroupedBarChart.Mark none = mark(chart, GroupedBarChart.NO_DATA, 0);
        assertEquals(2, chart.marks().size(), "the 40% bar needs no mark: " + chart.marks());
        assertTrue(zero.x() < none.x(), "0% on the first category, no data on the second");
        // a stub in the series' colour at the zero bar's foot; nothing of that colour where there is no data
        double baseline = zero.y() + 6;
        assertEquals(BLUE.getRGB(), image.getRGB((int) zero.x(), (int) baseline - 2), "stub of the zero bar");
        assertTrue(image.getRGB((int) none.x(), (int) baseline - 2) != BLUE.getRGB());
        assertTrue(inked(image, none.x(), none.y() - 20, 5, 18) > 15, "'no data' is written at its place");
        assertTrue(inked(image, zero.x(), zero.y() - 8, 5, 6) > 5, "'0%' is written at its place");
    }

    @Test
    void axesAreInPercentAsTheTitlesSay() {
        GroupedBarChart chart = GroupedBarChart.of("% x", "c", "% y", List.of("a"), List.of(new BarSeries("m",
                List.of(25.0), null, null, BLUE)));
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals(100.0, chart.getStyler().getYAxisMax());
        SummaryRow row = new SummaryRow("responses", "m", "j", "none", "none", "mania", "all", 1, 4, 0.25, 0.1, 0.6);
        BarSeries bars = Groups.bars("m", List.of("mania", "dead"), Map.of("mania", row), true, BLUE);
        assertEquals(List.of(25.0, Double.NaN), bars.values());
        assertEquals(10.0, bars.ciLow().get(0), 1e-9);
        assertEquals(60.0, bars.ciHigh().get(0), 1e-9);
    }

    @Test
    void titlesNameTheirFields() {
        ResponsesSetting s = new ResponsesSetting("gpt-4o", "none", "transcript");
        assertEquals("judge: gpt-4o · system prompt: none · context: transcript", s.title());
    }

    /** The default run's stigma chart (no valid answer from a random-weight model) says so on the chart. */
    @Test
    void aStigmaChartWithoutValidAnswersSaysSoOnItsFace(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("random"));
        SummaryCsv.write(run.resolve(SummaryCsv.FILE), List.of(
                ReportTest.stigma("mhbench-test-tiny-random", "parser:strict", "none", "control", 0, 0, Double.NaN,
                        Double.NaN, Double.NaN),
                ReportTest.stigma("mhbench-test-tiny-random", "parser:strict", "none", "overall", 0, 0, Double.NaN,
                        Double.NaN, Double.NaN)));
        ChartOutput out = new ChartOutput(Files.createDirectories(tmp.resolve("report")));
        StigmaSection.render(RunTables.read(run), out);
        GroupedBarChart chart = (GroupedBarChart) out.charts().get(0);
        assertTrue(chart.getTitle().contains("system prompt: none · parser: strict"), chart.getTitle());
        assertTrue(chart.getTitle().startsWith("%"), chart.getTitle());
        BufferedImage image = render(chart);
        GroupedBarChart.Mark note = mark(chart, "no valid answers", 0);
        assertTrue(inked(image, note.x(), note.y() - 5, 40, 5) > 40, "the note is drawn: " + chart.marks());
        assertEquals(2, chart.marks().stream().filter(m -> m.text().equals(GroupedBarChart.NO_DATA)).count());
    }
}
