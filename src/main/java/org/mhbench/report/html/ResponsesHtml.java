package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mhbench.report.Fmt;
import org.mhbench.report.ResponsesSection;
import org.mhbench.report.RateTable;
import org.mhbench.report.ResponsesSetting;
import org.mhbench.report.TextTable;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.SummaryRow;

/**
 * Experiment 2 in the HTML report: % appropriate replies per condition and model for each (judge,
 * system prompt, context) under the paper's rule, with 95% intervals and the answered-only reading
 * beside it; hand-collected replies labelled by people as grey reference bars; the paper's reference
 * rates as an overlay; % by message number; judging coverage; significant tests.
 */
final class ResponsesHtml {

    static final String EXPERIMENT = ResponsesSection.EXPERIMENT;
    private static final String ANSWERED = ResponsesSection.ANSWERED;
    private static final String HUMAN = ResponsesSection.HUMAN;

    private ResponsesHtml() {
    }

    static Section render(Runs runs, Ids ids) {
        List<SummaryRow> all = runs.summary(EXPERIMENT).stream().filter(r -> r.item().equals("all")).toList();
        List<CoverageRow> coverage = runs.coverage().stream().filter(c -> c.experiment().equals(EXPERIMENT)).toList();
        if (all.isEmpty() && coverage.isEmpty()) {
            return new Section("responses", "Appropriate responses", "");
        }
        List<SummaryRow> paperRule = all.stream().filter(r -> !r.judge().endsWith(ANSWERED)).toList();
        List<SummaryRow> answered = all.stream().filter(r -> r.judge().endsWith(ANSWERED)).toList();
        List<SummaryRow> humans = paperRule.stream().filter(r -> r.judge().equals(HUMAN)).toList();
        PaperReference paper = PaperReference.get();
        boolean overlay = paperRule.stream().anyMatch(r -> paper.has(EXPERIMENT, runs.original(r.model())));

        StringBuilder b = new StringBuilder("<p>Share of replies a judge found appropriate for each client message’s "
                + "criterion, under the paper’s rule: a prompt with no reply counts as inappropriate. The "
                + "<em>answered only</em> reading, which leaves such prompts out, is given beside it where it differs. "
                + "<em>overall</em> pools all conditions, stimuli and transcript placements. Higher is better.</p>\n");
        if (overlay) {
            b.append(StigmaHtml.overlayToggle());
        }
        Map<ResponsesSetting, List<SummaryRow>> settings = ResponsesSection.settings(paperRule);
        if (settings.isEmpty()) {
            b.append("<p>summary.csv holds no judged replies yet: judge them with <code>mhbench judge RUN_DIR</code>, "
                    + "then score again.</p>\n");
        }
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            b.append(setting(runs, ids, e.getKey(), e.getValue(), answered, humans, paper));
        }
        b.append(byMessage(runs, ids));
        b.append(coverage(coverage));
        b.append(SignificanceHtml.render(runs, EXPERIMENT));
        return new Section("responses", "Appropriate responses", b.toString());
    }

    private static String setting(Runs runs, Ids ids, ResponsesSetting s, List<SummaryRow> rows, List<SummaryRow> answered,
                                  List<SummaryRow> humans, PaperReference paper) {
        RateTable rates = ResponsesSection.rateTable(s, rows, humans, runs.models());
        List<String> conditions = rates.keys();
        List<String> models = rates.rows().stream().filter(r -> !r.reference()).map(RateTable.Row::model).toList();
        List<BarChartSvg.Series> series = StigmaHtml.series(runs, rates, (model, c) -> paper.percent(EXPERIMENT,
                runs.original(model), s.systemPrompt(), s.context(), c));
        Table table = Table.of(rates, (row, i) -> {
            if (row.reference()) {
                return "";
            }
            SummaryRow r = row.rates().get(i);
            SummaryRow a = r == null ? null : ResponsesSection.answeredWhereDiffers(r, answered);
            return (a == null ? "" : "<br><span class=\"answered\">answered only: "
                    + Cells.html(RateTable.cell(a, RateTable.Counts.APPROPRIATE)) + "</span>")
                    + Cells.paper(paper.percent(EXPERIMENT, runs.original(row.model()), s.systemPrompt(), s.context(),
                    conditions.get(i)));
        });
        String title = "% appropriate by condition — " + s.title();
        String svg = BarChartSvg.render(ids.next("chart"), title, "Grouped bar chart of the share of appropriate "
                        + "replies (0 to 100%) per condition (" + String.join(", ", conditions.stream().map(Fmt::label)
                        .toList()) + ") for " + String.join(", ", models) + ", " + s.title() + ", with 95% intervals. "
                        + "The table below the chart gives every number.", "% appropriate replies",
                conditions.stream().map(Fmt::label).toList(), series, "no judged replies");
        return "<h3>" + Html.text(capitalize(s.title())) + "</h3>\n<figure>" + svg + "<figcaption>" + Html.text(title)
                + "</figcaption></figure>\n" + table.render();
    }

    private static String byMessage(Runs runs, Ids ids) {
        Map<ResponsesSetting, List<SummaryRow>> settings = ResponsesSection.byMessageSettings(runs.byMessage());
        if (settings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h3>By number of transcript messages before the stimulus</h3>\n<p>From "
                + "<code>by_message.csv</code> (message numbers with n ≤ 1 left out, as in the paper); bands are 95% "
                + "intervals.</p>\n");
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            ResponsesSetting s = e.getKey();
            RateTable table = ResponsesSection.byMessageTable(s, e.getValue(), runs.models());
            List<LineChartSvg.Series> series = new ArrayList<>();
            for (RateTable.Row row : table.rows()) {
                List<SummaryRow> points = row.byKey(table.keys()).values().stream().toList();
                series.add(new LineChartSvg.Series(row.model(), runs.color(row.model()),
                        points.stream().map(r -> Double.parseDouble(r.item())).toList(),
                        points.stream().map(r -> r.rate() * 100).toList(),
                        points.stream().map(r -> r.ciLow() * 100).toList(),
                        points.stream().map(r -> r.ciHigh() * 100).toList(),
                        points.stream().map(r -> r.k() + "/" + r.n()).toList()));
            }
            List<String> models = table.rows().stream().map(RateTable.Row::model).toList();
            String title = "% appropriate by message number — " + s.title();
            b.append("<figure>").append(LineChartSvg.render(ids.next("chart"), title, "Line chart of the share of "
                    + "appropriate replies (0 to 100%) by the number of transcript messages before the stimulus, for "
                    + String.join(", ", models) + ", " + s.title() + ", with 95% interval bands. The table after the "
                    + "chart gives every number.", "transcript messages before the stimulus", "% appropriate replies",
                    series)).append("<figcaption>").append(Html.text(title)).append("</figcaption></figure>\n");
            b.append("<details><summary>The numbers (").append(Html.text(s.title())).append(")</summary>\n")
                    .append(Table.of(table).render()).append("</details>\n");
        }
        return b.toString();
    }

    private static String coverage(List<CoverageRow> coverage) {
        TextTable rows = ResponsesSection.coverageTable(coverage);
        List<String> unjudged = ResponsesSection.unjudged(coverage);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h3>Coverage</h3>\n").append(Table.of("Judging coverage (coverage.csv): "
                + "prompts, prompts without a reply, replies judged", rows).render());
        if (!unjudged.isEmpty()) {
            b.append("<p class=\"warning-inline\"><strong>Not judged yet:</strong> ")
                    .append(Html.text(String.join(", ", unjudged)))
                    .append(". Judge with <code>mhbench judge RUN_DIR --judge J</code>, then score again.</p>\n");
        }
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
