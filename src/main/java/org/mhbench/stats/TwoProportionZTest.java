package org.mhbench.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided z-test for the difference of two proportions with the pooled variance, as
 * {@code statsmodels.stats.proportion.proportions_ztest(count, nobs)} computes it (the paper's test
 * for Exp 2): z = (p1 − p2) / sqrt(p(1 − p)(1/n1 + 1/n2)), p = pooled proportion.
 */
public final class TwoProportionZTest {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private TwoProportionZTest() {
    }

    /** Tests k1/n1 against k2/n2. Undefined (NaN) when a group is empty or the pooled proportion is 0 or 1. */
    public static TestResult test(long k1, long n1, long k2, long n2) {
        if (k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) {
            throw new IllegalArgumentException("need 0 <= k <= n for both groups");
        }
        if (n1 == 0 || n2 == 0) {
            return TestResult.undefined("empty group");
        }
        double pooled = (double) (k1 + k2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return TestResult.undefined("pooled proportion is " + (pooled == 0 ? 0 : 1));
        }
        double z = ((double) k1 / n1 - (double) k2 / n2) / se;
        double p = 2 * STANDARD.cumulativeProbability(-Math.abs(z));
        return new TestResult(z, Double.NaN, p, "");
    }
}
