package org.mhbench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart with markers and asymmetric 95% interval whiskers, drawn after XChart has painted
 * the lines, at the screen positions XChart's own axes give ({@link #getScreenXFromChart},
 * {@link #getScreenYFromChart}); XChart's error bars are symmetric only.
 */
final class CiLineChart extends XYChart {

    private final List<LineSeries> lines;

    private CiLineChart(List<LineSeries> lines) {
        super(ChartFiles.WIDTH, ChartFiles.HEIGHT);
        this.lines = List.copyOf(lines);
    }

    /** A chart of {@code series}; at least one series with one point. */
    static CiLineChart of(String title, String xTitle, String yTitle, List<LineSeries> series) {
        if (series.isEmpty() || series.stream().allMatch(l -> l.x().isEmpty())) {
            throw new IllegalArgumentException(title + ": nothing to draw");
        }
        CiLineChart chart = new CiLineChart(series);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler s = chart.getStyler();
        ChartFiles.style(s);
        s.setChartTitleFont(ChartFiles.titleFont(title, series.stream().map(LineSeries::name).toList()));
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarkerSize(7);
        s.setXAxisDecimalPattern("0");
        for (LineSeries l : series) {
            if (l.x().isEmpty()) {
                continue;
            }
            List<Double> y = new ArrayList<>();
            l.y().forEach(v -> y.add(Double.isFinite(v) ? v : Double.NaN));
            XYSeries xs = chart.addSeries(l.name(), l.x(), y);
            xs.setLineColor(l.color());
            xs.setMarkerColor(l.color());
            xs.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Whiskers of several series overlap: drawn see-through, so each line stays visible. */
    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 150);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        for (LineSeries l : lines) {
            for (int i = 0; i < l.x().size(); i++) {
                double low = l.ciLow().get(i);
                double high = l.ciHigh().get(i);
                if (!Double.isFinite(l.y().get(i)) || !Double.isFinite(low) || !Double.isFinite(high)) {
                    continue;
                }
                ChartFiles.whisker(g, getScreenXFromChart(l.x().get(i)), getScreenYFromChart(low),
                        getScreenYFromChart(high), 6,
                        translucent(l.color()), 1.2f);
            }
        }
    }
}
