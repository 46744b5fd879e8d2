package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart in percent (0–100) as inline SVG: one group per category, one bar per series
 * with its 95% interval as a whisker, reference series (survey baselines, hand-collected replies)
 * as grey bars without whiskers, and optional paper-reference diamonds ({@code class="paper-ref"},
 * which the page can hide). A bar of 0 gets a stub and "0", a missing one (n = 0) "n/a"; a chart with
 * no bar at all says why on its face. Each bar has a tooltip with its numbers.
 */
final class BarChartSvg {

    /**
     * One series.
     *
     * @param name      legend label
     * @param color     fill colour, {@code #rrggbb}
     * @param values    percent per category; NaN: no data
     * @param low       lower interval ends (NaN: none), or {@code null} for a series without intervals
     * @param high      upper interval ends, as {@code low}
     * @param counts    per category, a count shown in the tooltip (e.g. "n=306"), or {@code null}
     * @param paper     per category, the paper's reference value in percent (NaN: none), or {@code null}
     * @param reference a reference series (drawn grey, listed after the models)
     */
    record Series(String name, String color, List<Double> values, List<Double> low, List<Double> high,
                  List<String> counts, List<Double> paper, boolean reference) {
    }

    private static final double PLOT_HEIGHT = 260;

    private BarChartSvg() {
    }

    /**
     * @param id          unique id within the page
     * @param title       the chart's title (also its accessible name)
     * @param description its alt text
     * @param yTitle      the y axis title
     * @param categories  category labels, in order
     * @param series      the series, models first
     * @param emptyNote   what to print on the chart's face when no series has a value, or {@code null}
     */
    static String render(String id, String title, String description, String yTitle, List<String> categories,
                         List<Series> series, String emptyNote) {
        List<Svg.LegendItem> legend = new ArrayList<>();
        boolean anyPaper = false;
        for (Series s : series) {
            legend.add(new Svg.LegendItem(s.name(), s.color(), Svg.LegendItem.Kind.BAR, null));
            anyPaper |= s.paper() != null && s.paper().stream().anyMatch(Double::isFinite);
        }
        if (anyPaper) {
            legend.add(new Svg.LegendItem("paper's reference rate (Moore et al. 2025)", "#fff",
                    Svg.LegendItem.Kind.MARKER, "paper-ref"));
        }
        double plotTop = Svg.TOP;
        double plotBottom = plotTop + PLOT_HEIGHT;
        double plotRight = Svg.WIDTH - Svg.RIGHT;
        double labelsBottom = plotBottom + 22;
        int height = (int) Math.ceil(labelsBottom + 10 + Svg.legendHeight(legend));
        StringBuilder b = new StringBuilder(Svg.open(id, height, title, description));
        b.append(Svg.yAxis(plotTop, plotBottom, plotRight, yTitle));
        double group = (plotRight - Svg.LEFT) / Math.max(1, categories.size());
        double bar = series.isEmpty() ? 0 : Math.min(48, group * 0.8 / series.size());
        boolean anyValue = false;
        StringBuilder markers = new StringBuilder();
        for (int c = 0; c < categories.size(); c++) {
            double x0 = Svg.LEFT + c * group + (group - bar * series.size()) / 2;
            b.append(Svg.text(Svg.LEFT + (c + 0.5) * group, plotBottom + 18, "middle", 13, null,
                    Svg.fit(categories.get(c), group - 4)));
            for (int s = 0; s < series.size(); s++) {
                Series se = series.get(s);
                double v = se.values().get(c);
                double x = x0 + s * bar;
                double cx = x + bar / 2;
                String tip = se.name() + " — " + categories.get(c) + ": " + tooltip(se, c);
                if (!Double.isFinite(v)) {
                    b.append("<g class=\"nodata\"><title>").append(Html.text(tip)).append("</title>")
                            .append("<text transform=\"translate(").append(Svg.n(cx + 3)).append(' ')
                            .append(Svg.n(plotBottom - 4)).append(") rotate(-90)\" font-size=\"10\">n/a</text></g>");
                    continue;
                }
                anyValue = true;
                double top = Svg.y(v, plotTop, plotBottom);
                double h = Math.max(1.5, plotBottom - top);
                b.append("<rect class=\"bar\" x=\"").append(Svg.n(x + 0.5)).append("\" y=\"").append(Svg.n(plotBottom - h))
                        .append("\" width=\"").append(Svg.n(Math.max(1, bar - 1))).append("\" height=\"").append(Svg.n(h))
                        .append("\" fill=\"").append(se.color()).append("\"><title>").append(Html.text(tip))
                        .append("</title></rect>");
                if (v == 0) {
                    // above a paper diamond sitting on the axis, so both stay readable
                    boolean diamondBelow = se.paper() != null && se.paper().get(c) < 4;
                    b.append(Svg.text(cx, plotBottom - (diamondBelow ? 10 : 5), "middle", 10, null, "0"));
                }
                if (se.low() != null && Double.isFinite(se.low().get(c)) && Double.isFinite(se.high().get(c))
                        && se.high().get(c) > se.low().get(c)) {
                    double lo = Svg.y(se.low().get(c), plotTop, plotBottom);
                    double hi = Svg.y(se.high().get(c), plotTop, plotBottom);
                    double cap = Math.min(6, bar / 4);
                    b.append("<path class=\"whisker\" d=\"M").append(Svg.n(cx)).append(' ').append(Svg.n(lo)).append('V')
                            .append(Svg.n(hi)).append('M').append(Svg.n(cx - cap)).append(' ').append(Svg.n(lo)).append('H')
                            .append(Svg.n(cx + cap)).append('M').append(Svg.n(cx - cap)).append(' ').append(Svg.n(hi))
                            .append('H').append(Svg.n(cx + cap)).append("\"/>");
                }
            }
            for (int s = 0; s < series.size(); s++) {
                Series se = series.get(s);
                if (se.paper() != null && Double.isFinite(se.paper().get(c))) {
                    double cx = x0 + s * bar + bar / 2;
                    markers.append("<g class=\"paper-ref\"><title>").append(Html.text(se.name() + " — "
                            + categories.get(c) + ": paper " + pct(se.paper().get(c)))).append("</title>")
                            .append(Svg.diamond(cx, Svg.y(se.paper().get(c), plotTop, plotBottom), "#fff"))
                            .append("</g>");
                }
            }
        }
        b.append(markers);
        b.append("<line x1=\"").append(Svg.LEFT).append("\" x2=\"").append(Svg.n(plotRight)).append("\" y1=\"")
                .append(Svg.n(plotBottom)).append("\" y2=\"").append(Svg.n(plotBottom)).append("\" class=\"axis-line\"/>");
        if (!anyValue) {
            String note = emptyNote != null ? emptyNote : "no data";
            b.append("<g class=\"empty-note\">");
            b.append(Svg.text((Svg.LEFT + plotRight) / 2, (plotTop + plotBottom) / 2, "middle", 18, null, note));
            b.append("</g>");
        }
        b.append(Svg.legend(legend, labelsBottom + 10));
        return b.append("</svg>").toString();
    }

    private static String tooltip(Series s, int c) {
        double v = s.values().get(c);
        if (!Double.isFinite(v)) {
            return "no data" + (s.counts() == null ? "" : " (" + s.counts().get(c) + ")");
        }
        StringBuilder t = new StringBuilder(pct(v));
        if (s.low() != null && Double.isFinite(s.low().get(c)) && Double.isFinite(s.high().get(c))) {
            t.append(" [").append(one(s.low().get(c))).append(", ").append(one(s.high().get(c))).append(']');
        }
        if (s.counts() != null && s.counts().get(c) != null) {
            t.append(" (").append(s.counts().get(c)).append(')');
        }
        return t.toString();
    }

    static String pct(double v) {
        return one(v) + "%";
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
