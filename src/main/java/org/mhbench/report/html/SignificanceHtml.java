package org.mhbench.report.html;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mhbench.report.Fmt;
import org.mhbench.util.Plural;

/** How many of an experiment's tests in {@code tests.csv} are significant, per run and comparison. */
final class SignificanceHtml {

    private SignificanceHtml() {
    }

    static String render(Runs runs, String experiment) {
        StringBuilder items = new StringBuilder();
        for (RunData r : runs.all()) {
            Map<String, long[]> byComparison = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (Map<String, String> t : r.tables().tests()) {
                if (!experiment.equals(t.get("experiment"))) {
                    continue;
                }
                String comparison = t.getOrDefault("comparison", "");
                long[] c = byComparison.computeIfAbsent(comparison, k -> new long[2]);
                c[0]++;
                c[1] += "true".equalsIgnoreCase(t.get("significant")) ? 1 : 0;
                names.putIfAbsent(comparison, t.getOrDefault("test", "") + ", alpha " + t.getOrDefault("alpha", ""));
            }
            byComparison.forEach((comparison, c) -> items.append("<li>")
                    .append(runs.several() ? Html.text(r.name()) + ": " : "")
                    .append("between ").append(Html.text(Fmt.label(comparison))).append(": <strong>").append(c[1])
                    .append("</strong> of ").append(Html.text(Plural.of(c[0], "test"))).append(" (")
                    .append(Html.text(names.get(comparison))).append(")</li>"));
        }
        if (items.isEmpty()) {
            return "";
        }
        return "<p>Significant differences (<code>tests.csv</code>, Bonferroni-corrected p below alpha):</p><ul>"
                + items + "</ul>\n";
    }
}
