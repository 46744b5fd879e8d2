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

    /**
     * Adjusted p-values and family sizes when the tests fall into several families, each corrected
     * on its own.
     *
     * @param p        the raw p-values
     * @param families the family of each test, same length as {@code p}
     */
    public static ByFamily adjustByFamily(double[] p, java.util.List<String> families) {
        if (families.size() != p.length) {
            throw new IllegalArgumentException("one family per p-value: " + p.length + " p-values, "
                    + families.size() + " families");
        }
        java.util.Map<String, java.util.List<Integer>> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            members.computeIfAbsent(families.get(i), k -> new java.util.ArrayList<>()).add(i);
        }
        double[] adjusted = new double[p.length];
        int[] sizes = new int[p.length];
        for (java.util.List<Integer> family : members.values()) {
            double[] fp = family.stream().mapToDouble(i -> p[i]).toArray();
            double[] adj = adjust(fp);
            int m = familySize(fp);
            for (int j = 0; j < family.size(); j++) {
                adjusted[family.get(j)] = adj[j];
                sizes[family.get(j)] = m;
            }
        }
        return new ByFamily(adjusted, sizes);
    }

    /**
     * Result of {@link #adjustByFamily}.
     *
     * @param adjusted adjusted p-values, in input order
     * @param sizes    the size m of each test's family, in input order
     */
    public record ByFamily(double[] adjusted, int[] sizes) {
    }
}
