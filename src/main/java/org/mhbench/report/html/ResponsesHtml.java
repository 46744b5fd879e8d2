package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.paper.HandCollectedResponses;
import org.mhbench.report.Fmt;
import org.mhbench.report.Groups;
import org.mhbench.report.Palette;
import org.mhbench.report.ResponsesSection;
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
    private static final String HUMAN = HandCollectedResponses.HUMAN_JUDGE;
    private static final List<String> PROMPTS = List.of("none", "steel-man");
    private static final List<String> CONTEXTS = List.of("none", "transcript", "transcript+bridge");

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
        Map<ResponsesSetting, List<SummaryRow>> settings = new LinkedHashMap<>();
        sorted(paperRule).forEach(r -> settings.computeIfAbsent(ResponsesSetting.of(r), s -> new ArrayList<>()).add(r));
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

    /** Rows in the order judges appear, then system prompt (none, steel-man), then context. */
    private static List<SummaryRow> sorted(List<SummaryRow> rows) {
        List<String> judges = Groups.ordered(rows.stream().map(SummaryRow::judge).toList(), List.of());
        List<String> prompts = Groups.ordered(rows.stream().map(SummaryRow::systemPrompt).toList(), PROMPTS);
        List<String> contexts = Groups.ordered(rows.stream().map(SummaryRow::context).toList(), CONTEXTS);
        List<SummaryRow> out = new ArrayList<>(rows);
        out.sort((a, c) -> {
            int d = Integer.compare(judges.indexOf(a.judge()), judges.indexOf(c.judge()));
            d = d != 0 ? d : Integer.compare(prompts.indexOf(a.systemPrompt()), prompts.indexOf(c.systemPrompt()));
            return d != 0 ? d : Integer.compare(contexts.indexOf(a.context()), contexts.indexOf(c.context()));
        });
        return out;
    }

    private static String setting(Runs runs, Ids ids, ResponsesSetting s, List<SummaryRow> rows, List<SummaryRow> answered,
                                  List<SummaryRow> humans, PaperReference paper) {
        List<String> conditions = Groups.conditions(rows.stream().map(SummaryRow::condition).toList(), List.of());
        List<String> models = Groups.ordered(rows.stream().map(SummaryRow::model).toList(), runs.models());
        List<String> header = new ArrayList<>(List.of("model"));
        conditions.forEach(c -> header.add(Fmt.label(c)));
        Table table = new Table("% appropriate by condition, " + s.title() + " (percent, [95% interval], "
                + "appropriate/prompts)", header);
        List<BarChartSvg.Series> series = new ArrayList<>();
        for (String model : models) {
            Map<String, SummaryRow> by = StigmaHtml.byCondition(rows, model);
            Map<String, SummaryRow> byAnswered = StigmaHtml.byCondition(answered.stream()
                    .filter(r -> r.judge().equals(s.judge() + ANSWERED) && r.systemPrompt().equals(s.systemPrompt())
                            && r.context().equals(s.context())).toList(), model);
            List<Double> ref = new ArrayList<>();
            List<String> cells = new ArrayList<>(List.of(Html.text(model)));
            for (String c : conditions) {
                double p = paper.percent(EXPERIMENT, runs.original(model), s.systemPrompt(), s.context(), c);
                ref.add(p);
                SummaryRow r = by.get(c);
                SummaryRow a = byAnswered.get(c);
                String cell = Cells.responses(r);
                if (r != null && a != null && (a.k() != r.k() || a.n() != r.n())) {
                    cell += "<br><span class=\"answered\">answered only: " + Cells.responses(a) + "</span>";
                }
                cells.add(cell + Cells.paper(p));
            }
            series.add(StigmaHtml.series(model, runs.color(model), conditions, by, ref, false));
            table.rawRow(cells, null);
        }
        if (!s.judge().equals(HUMAN)) {
            List<String> sources = Groups.ordered(humans.stream().map(SummaryRow::model).toList(), List.of());
            for (int i = 0; i < sources.size(); i++) {
                String source = sources.get(i);
                if (models.contains(source)) {
                    continue;
                }
                Map<String, SummaryRow> by = StigmaHtml.byCondition(humans, source);
                String label = source + " (hand-collected, human labels)";
                series.add(StigmaHtml.series(label, Palette.hex(Palette.reference(i)), conditions, by, null, true));
                List<String> cells = new ArrayList<>(List.of(Html.text(label)));
                conditions.forEach(c -> cells.add(Cells.responses(by.get(c))));
                table.rawRow(cells, "reference");
            }
        }
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
        Map<ResponsesSetting, List<SummaryRow>> settings = new LinkedHashMap<>();
        runs.byMessage().stream().filter(r -> r.experiment().equals(EXPERIMENT) && !r.judge().endsWith(ANSWERED))
                .forEach(r -> settings.computeIfAbsent(ResponsesSetting.of(r), s -> new ArrayList<>()).add(r));
        if (settings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h3>By number of transcript messages before the stimulus</h3>\n<p>From "
                + "<code>by_message.csv</code> (message numbers with n ≤ 1 left out, as in the paper); bands are 95% "
                + "intervals.</p>\n");
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            ResponsesSetting s = e.getKey();
            List<SummaryRow> rows = e.getValue();
            List<LineChartSvg.Series> series = new ArrayList<>();
            List<String> models = Groups.ordered(rows.stream().map(SummaryRow::model).toList(), runs.models());
            List<String> messages = new ArrayList<>();
            for (String model : models) {
                List<SummaryRow> points = rows.stream().filter(r -> r.model().equals(model))
                        .sorted((a, c) -> Double.compare(Double.parseDouble(a.item()), Double.parseDouble(c.item())))
                        .toList();
                points.forEach(p -> {
                    if (!messages.contains(p.item())) {
                        messages.add(p.item());
                    }
                });
                series.add(new LineChartSvg.Series(model, runs.color(model),
                        points.stream().map(r -> Double.parseDouble(r.item())).toList(),
                        points.stream().map(r -> r.rate() * 100).toList(),
                        points.stream().map(r -> r.ciLow() * 100).toList(),
                        points.stream().map(r -> r.ciHigh() * 100).toList(),
                        points.stream().map(r -> r.k() + "/" + r.n()).toList()));
            }
            messages.sort((a, c) -> Double.compare(Double.parseDouble(a), Double.parseDouble(c)));
            String title = "% appropriate by message number — " + s.title();
            b.append("<figure>").append(LineChartSvg.render(ids.next("chart"), title, "Line chart of the share of "
                    + "appropriate replies (0 to 100%) by the number of transcript messages before the stimulus, for "
                    + String.join(", ", models) + ", " + s.title() + ", with 95% interval bands. The table after the "
                    + "chart gives every number.", "transcript messages before the stimulus", "% appropriate replies",
                    series)).append("<figcaption>").append(Html.text(title)).append("</figcaption></figure>\n");
            List<String> header = new ArrayList<>(List.of("model"));
            messages.forEach(m -> header.add(m));
            Table table = new Table("% appropriate by message number, " + s.title(), header);
            for (String model : models) {
                List<String> cells = new ArrayList<>(List.of(Html.text(model)));
                for (String m : messages) {
                    cells.add(Cells.responses(rows.stream().filter(r -> r.model().equals(model) && r.item().equals(m))
                            .findFirst().orElse(null)));
                }
                table.rawRow(cells, null);
            }
            b.append("<details><summary>The numbers (").append(Html.text(s.title())).append(")</summary>\n")
                    .append(table.render()).append("</details>\n");
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
