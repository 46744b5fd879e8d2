package org.mhbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.util.Plural;

/**
 * How many of an experiment's tests in {@code tests.csv} are significant, per comparison: counted once
 * ({@link #of}) and listed by both reports.
 */
public final class TestCounts {

    /**
     * One comparison's tests.
     *
     * @param comparison  what is compared ({@code models}, …)
     * @param tests       how many tests
     * @param significant how many of them are significant
     * @param test        the test's name
     * @param alpha       the alpha, or the alphas joined with {@code /} where they differ
     */
    public record Comparison(String comparison, long tests, long significant, String test, String alpha) {

        /** The text before the count of significant tests: {@code between models: }. */
        public String before() {
            return "between " + Fmt.label(comparison) + ": ";
        }

        /** The text after it: {@code  of 2 tests (welch_t, alpha 0.01)}. */
        public String after() {
            return " of " + Plural.of(tests, "test") + " (" + test + ", alpha " + alpha + ")";
        }
    }

    /** The sentence above the Markdown list. */
    private static final String NOTE = "Significant differences (`tests.csv`, Bonferroni-corrected p below alpha):";

    private TestCounts() {
    }

    /** The experiment's comparisons, in order of appearance. */
    public static List<Comparison> of(List<Map<String, String>> tests, String experiment) {
        Map<String, long[]> byComparison = new LinkedHashMap<>();
        Map<String, String> alphas = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> t : tests) {
            if (!experiment.equals(t.get("experiment"))) {
                continue;
            }
            String comparison = t.getOrDefault("comparison", "");
            long[] c = byComparison.computeIfAbsent(comparison, k -> new long[2]);
            c[0]++;
            c[1] += "true".equalsIgnoreCase(t.get("significant")) ? 1 : 0;
            alphas.merge(comparison, t.getOrDefault("alpha", ""), (a, b) -> a.equals(b) ? a : a + "/" + b);
            names.putIfAbsent(comparison, t.getOrDefault("test", ""));
        }
        List<Comparison> out = new ArrayList<>();
        byComparison.forEach((comparison, c) -> out.add(new Comparison(comparison, c[0], c[1], names.get(comparison),
                alphas.get(comparison))));
        return out;
    }

    /** A markdown bullet list, or an empty string when the experiment has no tests. */
    static String render(List<Map<String, String>> tests, String experiment) {
        List<Comparison> comparisons = of(tests, experiment);
        if (comparisons.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(NOTE).append("\n\n");
        comparisons.forEach(c -> b.append("- ").append(c.before()).append("**").append(c.significant()).append("**")
                .append(c.after()).append('\n'));
        return b.append('\n').toString();
    }
}
