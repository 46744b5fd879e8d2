package org.mhbench.stats;

/**
 * A confidence interval.
 *
 * @param low  lower end (NaN when undefined, e.g. no data)
 * @param high upper end (NaN when undefined)
 */
public record Interval(double low, double high) {

    /** The interval of no data. */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    /** A zero-width interval at {@code x}. */
    public static Interval point(double x) {
        return new Interval(x, x);
    }
}
