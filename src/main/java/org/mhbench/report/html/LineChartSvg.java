package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart in percent (0–100) over a numeric x as inline SVG: one line per series with points,
 * its 95% interval as a translucent band; a NaN y leaves a gap. Each point has a tooltip.
 */
final class LineChartSvg {

    /**
     * @param name   legend label
     * @param color  line colour, {@code #rrggbb}
     * @param x      x values, ascending
     * @param y      percent per x (NaN: gap)
     * @param low    lower interval ends (NaN: none)
     * @param high   upper interval ends
     * @param counts a count per point for the tooltip ("45/66"), or {@code null}
     */
    record Series(String name, String color, List<Double> x, List<Double> y, List<Double> low, List<Double> high,
                  List<String> counts) {
    }

    private static final double PLOT_HEIGHT = 240;

    private LineChartSvg() {
    }

    static String render(String id, String title, String description, String xTitle, String yTitle,
                         List<Series> series) {
        List<Svg.LegendItem> legend = new ArrayList<>();
        series.forEach(s -> legend.add(new Svg.LegendItem(s.name(), s.color(), Svg.LegendItem.Kind.LINE, null)));
        double plotTop = Svg.TOP;
        double plotBottom = plotTop + PLOT_HEIGHT;
        double plotRight = Svg.WIDTH - Svg.RIGHT - 8;
        double xMax = series.stream().flatMap(s -> s.x().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        double xMin = Math.min(0, series.stream().flatMap(s -> s.x().stream()).mapToDouble(Double::doubleValue)
                .min().orElse(0));
        double step = niceStep((xMax - xMin) / 8);
        xMax = Math.max(step, Math.ceil(xMax / step) * step);
        double left = Svg.LEFT + 8;
        double scale = (plotRight - left) / Math.max(1e-9, xMax - xMin);
        int height = (int) Math.ceil(plotBottom + 44 + 10 + Svg.legendHeight(legend));
        StringBuilder b = new StringBuilder(Svg.open(id, height, title, description));
        b.append(Svg.yAxis(plotTop, plotBottom, plotRight, yTitle));
        b.append("<g class=\"axis\">");
        for (double t = xMin; t <= xMax + 1e-9; t += step) {
            double x = left + (t - xMin) * scale;
            b.append("<line x1=\"").append(Svg.n(x)).append("\" x2=\"").append(Svg.n(x)).append("\" y1=\"")
                    .append(Svg.n(plotBottom)).append("\" y2=\"").append(Svg.n(plotBottom + 4)).append("\" class=\"axis-line\"/>");
            b.append(Svg.text(x, plotBottom + 17, "middle", 12, null, String.format(Locale.ROOT, "%.0f", t)));
        }
        b.append(Svg.text((left + plotRight) / 2, plotBottom + 36, "middle", 12, null, xTitle));
        b.append("<line x1=\"").append(Svg.LEFT).append("\" x2=\"").append(Svg.n(plotRight)).append("\" y1=\"")
                .append(Svg.n(plotBottom)).append("\" y2=\"").append(Svg.n(plotBottom)).append("\" class=\"axis-line\"/>");
        b.append("</g>");
        for (Series s : series) {
            b.append("<g class=\"series\">");
            b.append(band(s, left, xMin, scale, plotTop, plotBottom));
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < s.x().size(); i++) {
                double v = s.y().get(i);
                if (!Double.isFinite(v)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? 'L' : 'M').append(Svg.n(left + (s.x().get(i) - xMin) * scale)).append(' ')
                        .append(Svg.n(Svg.y(v, plotTop, plotBottom)));
                pen = true;
            }
            if (!path.isEmpty()) {
                b.append("<path class=\"line\" d=\"").append(path).append("\" stroke=\"").append(s.color())
                        .append("\"/>");
            }
            for (int i = 0; i < s.x().size(); i++) {
                double v = s.y().get(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                String tip = s.name() + " — " + String.format(Locale.ROOT, "%.0f", s.x().get(i)) + " messages: "
                        + BarChartSvg.pct(v) + (s.counts() == null ? "" : " (" + s.counts().get(i) + ")");
                b.append("<circle cx=\"").append(Svg.n(left + (s.x().get(i) - xMin) * scale)).append("\" cy=\"")
                        .append(Svg.n(Svg.y(v, plotTop, plotBottom))).append("\" r=\"3.5\" fill=\"").append(s.color())
                        .append("\"><title>").append(Html.text(tip)).append("</title></circle>");
            }
            b.append("</g>");
        }
        b.append(Svg.legend(legend, plotBottom + 50));
        return b.append("</svg>").toString();
    }

    /** The interval as a closed polygon over the runs of points that have one. */
    private static String band(Series s, double left, double xMin, double scale, double top, double bottom) {
        StringBuilder out = new StringBuilder();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= s.x().size(); i++) {
            boolean ok = i < s.x().size() && Double.isFinite(s.low().get(i)) && Double.isFinite(s.high().get(i));
            if (ok) {
                run.add(i);
                continue;
            }
            if (run.size() > 1) {
                StringBuilder d = new StringBuilder();
                for (int j = 0; j < run.size(); j++) {
                    int k = run.get(j);
                    d.append(j == 0 ? 'M' : 'L').append(Svg.n(left + (s.x().get(k) - xMin) * scale)).append(' ')
                            .append(Svg.n(Svg.y(s.high().get(k), top, bottom)));
                }
                for (int j = run.size() - 1; j >= 0; j--) {
                    int k = run.get(j);
                    d.append('L').append(Svg.n(left + (s.x().get(k) - xMin) * scale)).append(' ')
                            .append(Svg.n(Svg.y(s.low().get(k), top, bottom)));
                }
                out.append("<path class=\"band\" d=\"").append(d).append("Z\" fill=\"").append(s.color()).append("\"/>");
            }
            run.clear();
        }
        return out.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
