package org.mhbench.report;

import java.awt.Graphics2D;
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
 */
final class GroupedBarChart extends CategoryChart {

    private final List<BarSeries> bars;
    private final int categories;

    private GroupedBarChart(List<BarSeries> bars, int categories) {
        super(ChartFiles.WIDTH, ChartFiles.HEIGHT);
        this.bars = List.copyOf(bars);
        this.categories = categories;
    }

    /**
     * A chart of {@code series} over {@code categories}.
     *
     * @throws IllegalArgumentException when there is no series, or a series' length differs from the categories
     */
    static GroupedBarChart of(String title, String xTitle, String yTitle, List<String> categories,
                              List<BarSeries> series) {
        if (series.isEmpty() || categories.isEmpty()) {
            throw new IllegalArgumentException(title + ": nothing to draw");
        }
        GroupedBarChart chart = new GroupedBarChart(series, categories.size());
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        CategoryStyler s = chart.getStyler();
        ChartFiles.style(s);
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

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        Rectangle2D plotArea = plot.getBounds();
        CategoryStyler s = getStyler();
        double contentWidth = s.getPlotContentSize() * plotArea.getWidth();
        double left = plotArea.getX() + (plotArea.getWidth() - contentWidth) / 2;
        double slot = contentWidth / categories;
        double fill = s.getAvailableSpaceFill();
        double barWidth = slot / bars.size() * fill;
        double margin = slot * (1 - fill) / 2;
        for (int j = 0; j < bars.size(); j++) {
            BarSeries b = bars.get(j);
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
    }
}
