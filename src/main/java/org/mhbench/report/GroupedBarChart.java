package org.mhbench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * A grouped bar chart (one group per category, one bar per series) with asymmetric 95% interval
 * whiskers.
 *
 * <p>Why a subclass: XChart's own error bars are symmetric (value ± e), while bootstrap intervals
 * are not (a rate of 1.000 has the interval [1, 1]; 0.400 may have [0.30, 0.50] or [0.31, 0.52]).
 * So the whiskers are drawn after XChart has painted the bars, at the bar positions XChart 3.8.8
 * computes in {@code PlotContent_Category_Bar}: the plot's content area is
 * {@code plotContentSize × width}, centred; each category gets an equal slot; a slot's bars fill
 * {@code availableSpaceFill} of it, side by side in series order. Re-check this against XChart's
 * source when upgrading it.
 *
 * <p>A bar of height 0 and a missing bar would look the same, so each is marked at its place: a
 * rate of 0 gets a stub in the series' colour and "0%", a value that is missing (no row, or n = 0)
 * gets "no data". A chart can carry a note written across its plot (e.g. "no valid answers").
 */
final class GroupedBarChart extends CategoryChart {

    /** Written where a bar has no value (no row, or n = 0). */
    static final String NO_DATA = "no data";
    /** Written above a bar of height 0. */
    static final String ZERO = "0%";

    /** Something written on the chart, at screen position (x, y), for tests and debugging. */
    record Mark(String text, double x, double y) {
    }

    private final List<BarSeries> bars;
    private final int categories;
    private final String note;
    private final List<Mark> marks = new ArrayList<>();

    private GroupedBarChart(List<BarSeries> bars, int categories, String note) {
        super(ChartFiles.WIDTH, ChartFiles.HEIGHT);
        this.bars = List.copyOf(bars);
        this.categories = categories;
        this.note = note;
    }

    /** A chart without a note. */
    static GroupedBarChart of(String title, String xTitle, String yTitle, List<String> categories,
                              List<BarSeries> series) {
        return of(title, xTitle, yTitle, categories, series, null);
    }

    /**
     * A chart of {@code series} (values in percent) over {@code categories}.
     *
     * @param note written across the plot when not {@code null}, e.g. why there are no bars; a line
     *             break starts a smaller second line
     * @throws IllegalArgumentException when there is no series, or a series' length differs from the categories
     */
    static GroupedBarChart of(String title, String xTitle, String yTitle, List<String> categories,
                              List<BarSeries> series, String note) {
        if (series.isEmpty() || categories.isEmpty()) {
            throw new IllegalArgumentException(title + ": nothing to draw");
        }
        GroupedBarChart chart = new GroupedBarChart(series, categories.size(), note);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        CategoryStyler s = chart.getStyler();
        ChartFiles.style(s);
        s.setChartTitleFont(ChartFiles.titleFont(title, series.stream().map(BarSeries::name).toList()));
        s.setAvailableSpaceFill(0.8);
        s.setOverlapped(false);
        s.setStacked(false);
        if (labelsCollide(categories, series)) {
            s.setXAxisLabelRotation(25);
        }
        for (BarSeries b : series) {
            if (b.values().size() != categories.size()) {
                throw new IllegalArgumentException(b.name() + ": " + b.values().size() + " values for "
                        + categories.size() + " categories");
            }
            List<Double> y = new ArrayList<>();
            // XChart leaves a bar out for a null value; NaN would draw a broken path
            b.values().forEach(v -> y.add(Double.isFinite(v) ? v : null));
            CategorySeries cs = chart.addSeries(b.name(), categories, y);
            cs.setFillColor(b.color());
            cs.setMarkerColor(b.color());
            cs.setLineColor(b.color());
        }
        return chart;
    }

    /**
     * Whether the category labels, written side by side, would run into each other. The plot's width
     * is estimated as the chart's less the legend (at its right) and the y axis: about 150 pixels plus
     * the longest legend entry.
     */
    static boolean labelsCollide(List<String> categories, List<BarSeries> series) {
        double legend = series.stream().mapToDouble(b -> ChartFiles.textWidth(b.name(), ChartFiles.LEGEND_FONT))
                .max().orElse(0);
        double slot = (ChartFiles.WIDTH - 150 - legend) * 0.96 / categories.size();
        double widest = categories.stream().mapToDouble(c -> ChartFiles.textWidth(c, ChartFiles.TICK_FONT)).max()
                .orElse(0);
        return widest > slot - 8;
    }

    /** What {@link #paint} wrote on the chart the last time: "no data", "0%" and the note, with their positions. */
    List<Mark> marks() {
        return List.copyOf(marks);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        marks.clear();
        Rectangle2D plotArea = plot.getBounds();
        CategoryStyler s = getStyler();
        double contentWidth = s.getPlotContentSize() * plotArea.getWidth();
        double left = plotArea.getX() + (plotArea.getWidth() - contentWidth) / 2;
        double slot = contentWidth / categories;
        double fill = s.getAvailableSpaceFill();
        double barWidth = slot / bars.size() * fill;
        double margin = slot * (1 - fill) / 2;
        double baseline = getScreenYFromChart(0);
        for (int j = 0; j < bars.size(); j++) {
            BarSeries b = bars.get(j);
            for (int i = 0; i < categories; i++) {
                double x = left + slot * i + margin + barWidth * j + barWidth / 2;
                double v = b.values().get(i);
                if (!Double.isFinite(v)) {
                    upward(g, NO_DATA, x, baseline - 4, ChartFiles.NOTE_COLOR);
                } else if (v == 0) {
                    g.setColor(b.color());
                    g.fill(new Rectangle2D.Double(x - barWidth / 2, baseline - 3, barWidth, 3));
                    upward(g, ZERO, x, baseline - 6, ChartFiles.NOTE_COLOR);
                }
            }
            if (!b.hasCi()) {
                continue;
            }
            for (int i = 0; i < categories; i++) {
                double low = b.ciLow().get(i);
                double high = b.ciHigh().get(i);
                if (!Double.isFinite(b.values().get(i)) || !Double.isFinite(low) || !Double.isFinite(high)) {
                    continue;
                }
                double x = left + slot * i + margin + barWidth * j + barWidth / 2;
                ChartFiles.whisker(g, x, getScreenYFromChart(low), getScreenYFromChart(high),
                        Math.min(barWidth * 0.5, 10));
            }
        }
        if (note != null) {
            across(g, note, left, contentWidth, plotArea);
        }
    }

    /** Writes {@code text} upwards from (x, y), centred on x: the label of one bar's place. */
    private void upward(Graphics2D g, String text, double x, double y, Color color) {
        Graphics2D t = (Graphics2D) g.create();
        try {
            t.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            t.setFont(ChartFiles.NOTE_FONT);
            t.setColor(color);
            FontMetrics fm = t.getFontMetrics();
            t.translate(x, y);
            t.rotate(-Math.PI / 2);
            t.drawString(text, 0, (fm.getAscent() - fm.getDescent()) / 2f);
        } finally {
            t.dispose();
        }
        marks.add(new Mark(text, x, y));
    }

    /**
     * Writes {@code text} in the middle of the plot's content, on a white box so it reads over grid
     * lines: its first line large, the rest (after a line break) smaller, each shrunk to fit.
     */
    private void across(Graphics2D g, String text, double left, double width, Rectangle2D plotArea) {
        Graphics2D t = (Graphics2D) g.create();
        try {
            t.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            String[] lines = text.split("\n");
            double centre = left + width / 2;
            double y = plotArea.getY() + plotArea.getHeight() * 0.35;
            for (int i = 0; i < lines.length; i++) {
                float size = i == 0 ? 16f : 12f;
                Font font = ChartFiles.NOTE_FONT.deriveFont(i == 0 ? Font.BOLD | Font.ITALIC : Font.ITALIC, size);
                while (size > 8 && t.getFontMetrics(font).stringWidth(lines[i]) > width - 24) {
                    size--;
                    font = font.deriveFont(size);
                }
                t.setFont(font);
                FontMetrics fm = t.getFontMetrics();
                double w = fm.stringWidth(lines[i]);
                t.setColor(Color.WHITE);
                t.fill(new Rectangle2D.Double(centre - w / 2 - 6, y - fm.getAscent() - 2, w + 12, fm.getHeight() + 4));
                t.setColor(ChartFiles.NOTE_COLOR);
                t.drawString(lines[i], (float) (centre - w / 2), (float) y);
                marks.add(new Mark(lines[i], centre, y));
                y += fm.getHeight() + 6;
            }
        } finally {
            t.dispose();
        }
    }
}
