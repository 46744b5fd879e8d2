package org.mhbench.report.html;

import java.util.Locale;
import org.mhbench.report.Fmt;
import org.mhbench.report.Cell;

/**
 * Table cells of the HTML report, as escaped fragments. A rate cell is the one both reports show
 * ({@link org.mhbench.report.RateTable#cell}), its parts in {@code <span>}s of their classes.
 */
final class Cells {

    private Cells() {
    }

    /** {@code 74.8%}; {@code –} for NaN. */
    static String percent(double share) {
        return Fmt.percent(share);
    }

    /** A cell both reports show: its text, each part in a {@code <span>} of its class. */
    static String html(Cell cell) {
        StringBuilder b = new StringBuilder();
        for (Cell.Part p : cell.parts()) {
            if (p.cssClass() == null) {
                b.append(Html.text(p.text()));
            } else {
                b.append("<span class=\"").append(Html.attr(p.cssClass())).append("\">").append(Html.text(p.text()))
                        .append("</span>");
            }
        }
        return b.toString();
    }

    /** The paper's reference value under a cell (hidden with the overlay), or nothing when there is none. */
    static String paper(double percent) {
        return Double.isFinite(percent) ? "<br><span class=\"paper-ref\">paper: "
                + String.format(Locale.ROOT, "%.1f%%", percent) + "</span>" : "";
    }

    /** A share {@code part/whole} as {@code 12 of 340 (3.5%)}. */
    static String share(long part, long whole) {
        return part + " of " + whole + (whole > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * part / whole) : "");
    }

    /** Plain text in {@code <code>}. */
    static String code(String s) {
        return "<code>" + Html.text(s) + "</code>";
    }
}
