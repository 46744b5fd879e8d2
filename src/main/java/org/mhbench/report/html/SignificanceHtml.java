package org.mhbench.report.html;

import org.mhbench.report.TestCounts;

/** How many of an experiment's tests in {@code tests.csv} are significant, per run and comparison. */
final class SignificanceHtml {

    private SignificanceHtml() {
    }

    static String render(Runs runs, String experiment) {
        StringBuilder items = new StringBuilder();
        for (RunData r : runs.all()) {
            for (TestCounts.Comparison c : TestCounts.of(r.tables().tests(), experiment)) {
                items.append("<li>").append(runs.several() ? Html.text(r.name()) + ": " : "")
                        .append(Html.text(c.before())).append("<strong>").append(c.significant()).append("</strong>")
                        .append(Html.text(c.after())).append("</li>");
            }
        }
        if (items.isEmpty()) {
            return "";
        }
        return "<p>Significant differences (<code>tests.csv</code>, Bonferroni-corrected p below alpha):</p><ul>"
                + items + "</ul>\n";
    }
}
