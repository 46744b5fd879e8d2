package org.mhbench.stats;

import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's unequal-variance two-sample t-test, two-sided (commons-math3 {@link TTest#tTest(double[],
 * double[])}), with scipy's answers in the cases commons-math rejects: both samples constant and
 * different gives t = ±∞ and p = 0; both constant and equal gives NaN.
 */
public final class WelchTest {

    private WelchTest() {
    }

    /** Tests whether the means of {@code a} and {@code b} differ. */
    public static TestResult test(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return TestResult.undefined("n<2 in a group");
        }
        Variance var = new Variance();
        double va = var.evaluate(a);
        double vb = var.evaluate(b);
        double ma = mean(a);
        double mb = mean(b);
        if (va == 0 && vb == 0) {
            if (ma == mb) {
                return TestResult.undefined("both groups constant and equal");
            }
            return new TestResult(ma > mb ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, Double.NaN, 0.0,
                    "both groups constant: t is infinite (p = 0, as scipy reports)");
        }
        TTest t = new TTest();
        double sa = va / a.length;
        double sb = vb / b.length;
        double df = (sa + sb) * (sa + sb) / (sa * sa / (a.length - 1) + sb * sb / (b.length - 1));
        return new TestResult(t.t(a, b), df, t.tTest(a, b), "");
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
