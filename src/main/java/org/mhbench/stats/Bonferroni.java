package org.mhbench.stats;

/**
 * Bonferroni correction for a family of tests: each p-value is multiplied by the number of tests
 * in the family and capped at 1. Undefined (NaN) p-values stay NaN and do not count as tests.
 */
public final class Bonferroni {

    private Bonferroni() {
    }

    /** The number of defined (non-NaN) p-values: the family size m. */
    public static int familySize(double[] p) {
        int m = 0;
        for (double x : p) {
            if (!Double.isNaN(x)) {
                m++;
            }
        }
        return m;
    }

    /** Adjusted p-values, min(1, p · m), in the same order. */
    public static double[] adjust(double[] p) {
        int m = familySize(p);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Double.isNaN(p[i]) ? Double.NaN : Math.min(1.0, p[i] * m);
        }
        return out;
    }
}
