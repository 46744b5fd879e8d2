package org.mhbench.report.html;

import java.util.List;
import java.util.Locale;

/**
 * Shared pieces of the report's inline SVG charts: the accessible frame ({@code role="img"}, a title
 * and a description that screen readers read as the chart's alt text), the y axis in percent, and the
 * legend. Our own few lines of SVG rather than a charting library: XChart's SVG output needs a
 * dependency we exclude and writes every glyph as a path (large, unsearchable, no title), and the
 * charts need overlay markers and print styles that are simplest to write directly.
 */
final class Svg {

    /** The drawing's width in user units; the browser scales it to the page (max-width in the CSS). */
    static final int WIDTH = 960;
    static final int LEFT = 64;
    static final int RIGHT = 16;
    static final int TOP = 16;
    /** Approximate width of one character of the 12-unit font, for laying out legends and labels. */
    static final double CHAR = 6.6;

    private Svg() {
    }

    /** One legend entry: a swatch (bar, line or marker) and its label. */
    record LegendItem(String label, String color, Kind kind, String cssClass) {
        enum Kind { BAR, LINE, MARKER }
    }

    /** A number for an SVG attribute: one decimal, locale-independent. */
    static String n(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }

    /** The opening {@code <svg>} with its title and description; {@code id} makes their ids unique. */
    static String open(String id, int height, String title, String description) {
        return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + height + "\" aria-labelledby=\""
                + id + "-t " + id + "-d\"><title id=\"" + id + "-t\">"
                + Html.text(title) + "</title><desc id=\"" + id + "-d\">" + Html.text(description) + "</desc>";
    }

    /** A text element; {@code content} is plain text. */
    static String text(double x, double y, String anchor, int size, String cssClass, String content) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\""
                + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + ">" + Html.text(content) + "</text>";
    }

    /** The y axis from 0 to 100 (%): grid lines every 20, tick labels, and the rotated axis title. */
    static String yAxis(double plotTop, double plotBottom, double plotRight, String title) {
        StringBuilder b = new StringBuilder("<g class=\"axis\">");
        for (int v = 0; v <= 100; v += 20) {
            double y = y(v, plotTop, plotBottom);
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(n(plotRight)).append("\" y1=\"")
                    .append(n(y)).append("\" y2=\"").append(n(y)).append("\" class=\"grid\"/>");
            b.append(text(LEFT - 6, y + 4, "end", 12, null, v + "%"));
        }
        double mid = (plotTop + plotBottom) / 2;
        b.append("<text transform=\"translate(16 ").append(n(mid)).append(") rotate(-90)\" text-anchor=\"middle\" "
                + "font-size=\"12\">").append(Html.text(title)).append("</text>");
        b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(n(plotTop))
                .append("\" y2=\"").append(n(plotBottom)).append("\" class=\"axis-line\"/>");
        return b.append("</g>").toString();
    }

    /** The y coordinate of {@code percent} (0–100) in a plot from {@code top} to {@code bottom}. */
    static double y(double percent, double top, double bottom) {
        double p = Math.max(0, Math.min(100, percent));
        return bottom - p / 100 * (bottom - top);
    }

    /** How tall the legend is when laid out in rows across the chart's width. */
    static double legendHeight(List<LegendItem> items) {
        return legendRows(items) * 20 + 4;
    }

    private static int legendRows(List<LegendItem> items) {
        int rows = items.isEmpty() ? 0 : 1;
        double x = LEFT;
        for (LegendItem i : items) {
            double w = itemWidth(i);
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                rows++;
                x = LEFT;
            }
            x += w;
        }
        return rows;
    }

    private static double itemWidth(LegendItem i) {
        return 24 + i.label().length() * CHAR + 18;
    }

    /** The legend, in rows starting at {@code top}. */
    static String legend(List<LegendItem> items, double top) {
        StringBuilder b = new StringBuilder("<g class=\"legend\">");
        double x = LEFT;
        double y = top;
        for (LegendItem i : items) {
            double w = itemWidth(i);
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                x = LEFT;
                y += 20;
            }
            b.append("<g").append(i.cssClass() == null ? "" : " class=\"" + i.cssClass() + "\"").append(">");
            switch (i.kind()) {
                case BAR -> b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 2)).append("\" width=\"16\" "
                        + "height=\"12\" fill=\"").append(i.color()).append("\"/>");
                case LINE -> b.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x + 16)).append("\" y1=\"")
                        .append(n(y + 8)).append("\" y2=\"").append(n(y + 8)).append("\" stroke=\"").append(i.color())
                        .append("\" stroke-width=\"3\"/>");
                case MARKER -> b.append(diamond(x + 8, y + 8, i.color()));
            }
            b.append(text(x + 22, y + 12, "start", 12, null, i.label())).append("</g>");
            x += w;
        }
        return b.append("</g>").toString();
    }

    /** The paper-reference marker: a diamond centred on (x, y). */
    static String diamond(double x, double y, String fill) {
        return "<path d=\"M" + n(x) + " " + n(y - 6) + "L" + n(x + 6) + " " + n(y) + "L" + n(x) + " " + n(y + 6) + "L"
                + n(x - 6) + " " + n(y) + "Z\" fill=\"" + fill + "\" stroke=\"#000\" stroke-width=\"1.2\"/>";
    }

    /** Text shortened to about {@code width} user units, with an ellipsis. */
    static String fit(String s, double width) {
        int max = Math.max(3, (int) (width / CHAR));
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
