package org.mhbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.util.Plural;

/** How many of an experiment's tests in {@code tests.csv} are significant, per comparison. */
final class TestCounts {

    private TestCounts() {
    }

    /** A markdown bullet list, or an empty string when the experiment has no tests. */
    static String render(List<Map<String, String>> tests, String experiment) {
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
        if (byComparison.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(
                "Significant differences (`tests.csv`, Bonferroni-corrected p below alpha):\n\n");
        byComparison.forEach((comparison, c) -> b.append("- between ").append(Fmt.label(comparison)).append(": **")
                .append(c[1]).append("** of ").append(Plural.of(c[0], "test")).append(" (").append(names.get(comparison))
                .append(", alpha ").append(alphas.get(comparison)).append(")\n"));
        return b.append('\n').toString();
    }
}
