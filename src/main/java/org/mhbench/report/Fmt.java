package org.mhbench.report;

import java.util.Locale;

/** Number formats of the report: rates in percent with one decimal, "–" for a missing value. */
public final class Fmt {

    /** Shown where a value is missing (NaN, n = 0, unknown count). */
    public static final String NONE = "–";

    private Fmt() {
    }

    /** A share (0–1) in percent with one decimal ({@code 74.8%}); {@link #NONE} for NaN. */
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : NONE;
    }

    /** A count; {@link #NONE} when unknown (negative). */
    public static String count(long n) {
        return n < 0 ? NONE : Long.toString(n);
    }

    /** A quantity with one decimal (seconds, tokens per second); {@link #NONE} for NaN. */
    public static String oneDecimal(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : NONE;
    }

    /** A parameter count as people say it: {@code 2.1 M}, {@code 8.03 B}; {@link #NONE} when unknown. */
    public static String parameters(long n) {
        if (n <= 0) {
            return NONE;
        }
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3g B", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.3g M", n / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A condition or item id for people: {@code alcohol_dependence} → {@code alcohol dependence}. */
    public static String label(String id) {
        return id.replace('_', ' ');
    }
}
