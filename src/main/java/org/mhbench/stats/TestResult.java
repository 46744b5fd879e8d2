package org.mhbench.stats;

/**
 * The outcome of a two-sided hypothesis test.
 *
 * @param statistic the test statistic (t or z); may be ±Infinity or NaN in degenerate cases
 * @param df        degrees of freedom (NaN where not applicable)
 * @param p         two-sided p-value, NaN when the test is undefined
 * @param note      why a degenerate case was resolved as it was, or empty
 */
public record TestResult(double statistic, double df, double p, String note) {

    public TestResult {
        note = note == null ? "" : note;
    }

    /** A test that cannot be computed. */
    public static TestResult undefined(String why) {
        return new TestResult(Double.NaN, Double.NaN, Double.NaN, why);
    }
}
