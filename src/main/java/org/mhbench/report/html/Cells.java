package org.mhbench.report.html;

import java.util.Locale;
import org.mhbench.report.Fmt;
import org.mhbench.score.SummaryRow;

/**
 * Table cells of the HTML report, as escaped fragments: rates in percent with one decimal (as the
 * charts show them), the 95% interval in brackets, then the counts. The numbers are those of the CSV
 * files (shares there, percent here); nothing is recomputed.
 */
final class Cells {

    private Cells() {
    }

    /** {@code 74.8%}; {@code –} for NaN. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : Fmt.NONE;
    }

    /** {@code 74.8% [69.9, 79.7]} (the interval only where it has width or is known). */
    static String rate(SummaryRow r) {
        if (!Double.isFinite(r.rate())) {
            return "<span class=\"na\">" + Fmt.NONE + "</span>";
        }
        StringBuilder b = new StringBuilder("<span class=\"rate\">").append(percent(r.rate())).append("</span>");
        if (Double.isFinite(r.ciLow()) && Double.isFinite(r.ciHigh())) {
            b.append(" <span class=\"ci\">[").append(String.format(Locale.ROOT, "%.1f, %.1f", r.ciLow() * 100,
                    r.ciHigh() * 100)).append("]</span>");
        }
        return b.toString();
    }

    /** A stigma cell: rate, interval and {@code n=} valid answers; a survey row says so. */
    static String stigma(SummaryRow r) {
        if (r == null) {
            return Fmt.NONE;
        }
        if (r.n() < 0) {
            return rate(r) + " <span class=\"n\">(survey)</span>";
        }
        return rate(r) + " <span class=\"n\">n=" + r.n() + "</span>";
    }

    /** A responses cell: rate, interval and {@code k/n}. */
    static String responses(SummaryRow r) {
        if (r == null) {
            return Fmt.NONE;
        }
        return rate(r) + " <span class=\"n\">" + Fmt.count(r.k()) + "/" + Fmt.count(r.n()) + "</span>";
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
