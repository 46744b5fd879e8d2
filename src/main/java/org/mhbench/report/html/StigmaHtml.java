package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.report.Fmt;
import org.mhbench.report.Groups;
import org.mhbench.report.Palette;
import org.mhbench.report.StigmaSection;
import org.mhbench.report.TextTable;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.SummaryRow;

/**
 * Experiment 1 in the HTML report: stigma rate per condition and model for each system prompt
 * (the paper's strict parser) with 95% intervals, the human survey baseline under both readings, the
 * paper's reference rates as an overlay, overall rate by system prompt, per question, parse coverage,
 * the attribution questions and the significant tests.
 */
final class StigmaHtml {

    static final String EXPERIMENT = StigmaSection.EXPERIMENT;
    private static final String STRICT = StigmaSection.JUDGE;
    private static final List<String> PROMPTS = List.of("none", "steel-man");

    private StigmaHtml() {
    }

    static Section render(Runs runs, Ids ids) {
        List<SummaryRow> rows = runs.summary(EXPERIMENT);
        List<SummaryRow> all = rows.stream().filter(r -> r.item().equals("all")).toList();
        if (all.isEmpty()) {
            return new Section("stigma", "Stigma", "");
        }
        List<SummaryRow> strict = all.stream().filter(r -> r.judge().equals(STRICT)).toList();
        List<SummaryRow> baseline = all.stream().filter(r -> r.n() < 0).toList();
        List<String> conditions = Groups.conditions(all.stream().map(SummaryRow::condition).toList(),
                StigmaSection.CONDITIONS);
        List<String> prompts = Groups.ordered(strict.stream().map(SummaryRow::systemPrompt).toList(), PROMPTS);
        List<String> baselineModels = Groups.ordered(baseline.stream().map(SummaryRow::model).toList(), List.of());
        PaperReference paper = PaperReference.get();
        boolean overlay = strict.stream().anyMatch(r -> paper.has(EXPERIMENT, runs.original(r.model())));

        StringBuilder b = new StringBuilder();
        b.append("<p>Share of stigmatizing answers to the social-distance and dangerousness questions, over the valid "
                + "answers (n; “do not know” and unreadable answers are left out), read with the paper’s strict parser "
                + "(<code>").append(STRICT).append("</code>). <em>overall</em> pools depression, alcohol dependence and "
                + "schizophrenia. Lower is better. Whiskers and brackets are 95% bootstrap intervals.</p>\n");
        if (overlay) {
            b.append(overlayToggle());
        }
        if (prompts.isEmpty()) {
            b.append("<p>summary.csv holds no <code>").append(STRICT).append("</code> rows.</p>\n");
        }
        for (String prompt : prompts) {
            List<SummaryRow> promptRows = strict.stream().filter(r -> r.systemPrompt().equals(prompt)).toList();
            b.append("<h3>System prompt: ").append(Html.text(prompt)).append("</h3>\n");
            b.append(chartAndTable(runs, ids, prompt, promptRows, baseline, baselineModels, conditions, paper));
        }
        if (prompts.size() > 1) {
            b.append(byPrompt(runs, strict, prompts, paper));
        }
        if (!baseline.isEmpty()) {
            b.append("<p class=\"note\">Grey bars are survey baselines, drawn without intervals (their counts are "
                    + "unknown). The human baseline is the 2018 General Social Survey table under two readings, both "
                    + "shown: <strong>humans 2018 (1 − x)</strong>, the paper notebook’s reading, which reproduces the "
                    + "paper’s figure but is probably inverted, and <strong>humans 2018 (% unwilling)</strong>, the "
                    + "table read as the share unwilling (probably correct). People were not prompted: the same "
                    + "baseline is shown with every system prompt.</p>\n");
        } else {
            b.append("<p class=\"note\">No human baseline: score with <code>mhbench score RUN_DIR --human-baseline "
                    + "FILE</code> to add the GSS 2018 survey.</p>\n");
        }
        b.append(perQuestion(runs, rows, prompts, conditions));
        b.append(coverage(runs.coverage()));
        b.append(attribution(runs.attribution(), conditions));
        Set<String> other = new LinkedHashSet<>();
        all.stream().filter(r -> r.n() >= 0 && !r.judge().equals(STRICT)).forEach(r -> other.add(r.judge()));
        if (!other.isEmpty()) {
            b.append("<p class=\"note\">summary.csv also holds the readings ").append(Html.text(String.join(", ", other)))
                    .append(", not charted here.</p>\n");
        }
        b.append(SignificanceHtml.render(runs, EXPERIMENT));
        return new Section("stigma", "Stigma", b.toString());
    }

    /** The checkbox that shows or hides the paper's reference rates (the page's script wires it). */
    static String overlayToggle() {
        return "<p class=\"controls\"><label><input type=\"checkbox\" class=\"paper-toggle\" checked> show the "
                + "paper’s reference rates (◆ on the charts, “paper:” in the tables; Moore et al. 2025, for models "
                + "with the paper’s labels)</label></p>\n";
    }

    private static String chartAndTable(Runs runs, Ids ids, String prompt, List<SummaryRow> rows,
                                        List<SummaryRow> baseline, List<String> baselineModels,
                                        List<String> conditions, PaperReference paper) {
        List<String> models = Groups.ordered(rows.stream().map(SummaryRow::model).toList(), runs.models());
        List<BarChartSvg.Series> series = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model"));
        conditions.forEach(c -> header.add(Fmt.label(c)));
        Table table = new Table("Stigma rate by condition, system prompt " + prompt + " (percent, [95% interval], "
                + "n valid answers)", header);
        for (String model : models) {
            Map<String, SummaryRow> by = byCondition(rows, model);
            List<Double> ref = new ArrayList<>();
            List<String> cells = new ArrayList<>(List.of(Html.text(model)));
            for (String c : conditions) {
                double p = paper.percent(EXPERIMENT, runs.original(model), prompt, "none", c);
                ref.add(p);
                cells.add(Cells.stigma(by.get(c)) + Cells.paper(p));
            }
            series.add(series(model, runs.color(model), conditions, by, ref, false));
            table.rawRow(cells, null);
        }
        for (int i = 0; i < baselineModels.size(); i++) {
            String model = baselineModels.get(i);
            Map<String, SummaryRow> by = byCondition(baseline, model);
            String label = StigmaSection.baselineLabel(model);
            series.add(series(label, Palette.hex(Palette.reference(i)), conditions, by, null, true));
            List<String> cells = new ArrayList<>(List.of(Html.text(label)));
            conditions.forEach(c -> cells.add(Cells.stigma(by.get(c))));
            table.rawRow(cells, "reference");
        }
        boolean noValid = rows.stream().noneMatch(r -> Double.isFinite(r.rate()));
        String title = "% stigmatizing answers by condition — system prompt: " + prompt + " · parser: strict";
        String svg = BarChartSvg.render(ids.next("chart"), title, "Grouped bar chart of the share of stigmatizing "
                        + "answers (0 to 100%) per condition (" + String.join(", ", conditions.stream().map(Fmt::label)
                        .toList()) + ") for " + String.join(", ", models) + (baselineModels.isEmpty() ? ""
                        : " and the human survey baseline") + ", with 95% intervals. The table below the chart gives "
                        + "every number.", "% stigmatizing (of valid answers)",
                conditions.stream().map(Fmt::label).toList(), series,
                "no valid answers: the parser could read no model's answer (see parse coverage)");
        StringBuilder b = new StringBuilder("<figure>").append(svg).append("<figcaption>").append(Html.text(title))
                .append("</figcaption></figure>\n").append(table.render());
        if (noValid && !models.isEmpty()) {
            b.append("<p class=\"note\">No model gave a valid answer with this system prompt, so there are no model "
                    + "bars (the expected result for a random-weight test model; see parse coverage).</p>\n");
        }
        return b.toString();
    }

    static BarChartSvg.Series series(String name, String color, List<String> conditions, Map<String, SummaryRow> by,
                                     List<Double> paper, boolean reference) {
        List<Double> v = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (String c : conditions) {
            SummaryRow r = by.get(c);
            v.add(r == null ? Double.NaN : r.rate() * 100);
            lo.add(r == null ? Double.NaN : r.ciLow() * 100);
            hi.add(r == null ? Double.NaN : r.ciHigh() * 100);
            counts.add(r == null ? "no row" : r.n() < 0 ? "survey" : r.experiment().equals(EXPERIMENT) ? "n=" + r.n()
                    : r.k() + "/" + r.n());
        }
        return new BarChartSvg.Series(name, color, v, reference ? null : lo, reference ? null : hi, counts, paper,
                reference);
    }

    static Map<String, SummaryRow> byCondition(List<SummaryRow> rows, String model) {
        Map<String, SummaryRow> out = new LinkedHashMap<>();
        rows.stream().filter(r -> r.model().equals(model)).forEach(r -> out.putIfAbsent(r.condition(), r));
        return out;
    }

    /** Overall stigma rate per model, one column per system prompt: the steel-man's effect at a glance. */
    private static String byPrompt(Runs runs, List<SummaryRow> strict, List<String> prompts, PaperReference paper) {
        List<String> header = new ArrayList<>(List.of("model"));
        prompts.forEach(p -> header.add("system prompt: " + p));
        Table table = new Table("Overall stigma rate by system prompt (percent, [95% interval], n)", header);
        List<SummaryRow> overall = strict.stream().filter(r -> r.condition().equals(Groups.OVERALL)).toList();
        for (String model : Groups.ordered(overall.stream().map(SummaryRow::model).toList(), runs.models())) {
            List<String> cells = new ArrayList<>(List.of(Html.text(model)));
            for (String p : prompts) {
                SummaryRow r = overall.stream().filter(s -> s.model().equals(model) && s.systemPrompt().equals(p))
                        .findFirst().orElse(null);
                cells.add(Cells.stigma(r) + Cells.paper(paper.percent(EXPERIMENT, runs.original(model), p, "none",
                        Groups.OVERALL)));
            }
            table.rawRow(cells, null);
        }
        return "<h3>Both system prompts</h3>\n" + table.render();
    }

    private static String perQuestion(Runs runs, List<SummaryRow> rows, List<String> prompts, List<String> conditions) {
        List<SummaryRow> items = rows.stream().filter(r -> r.judge().equals(STRICT) && !r.item().equals("all")
                && !r.condition().equals(Groups.OVERALL)).toList();
        if (items.isEmpty()) {
            return "";
        }
        List<String> questionConditions = conditions.stream().filter(c -> !c.equals(Groups.OVERALL)).toList();
        StringBuilder b = new StringBuilder("<h3>Per question</h3>\n<details><summary>Stigma rate per question, "
                + "condition and model (").append(items.size()).append(" cells)</summary>\n");
        for (String prompt : prompts) {
            List<String> header = new ArrayList<>(List.of("model", "question"));
            questionConditions.forEach(c -> header.add(Fmt.label(c)));
            Table table = new Table("Per question, system prompt " + prompt + " (percent, [95% interval], n)", header);
            List<SummaryRow> promptRows = items.stream().filter(r -> r.systemPrompt().equals(prompt)).toList();
            for (String model : Groups.ordered(promptRows.stream().map(SummaryRow::model).toList(), runs.models())) {
                List<SummaryRow> mine = promptRows.stream().filter(r -> r.model().equals(model)).toList();
                for (String q : Groups.ordered(mine.stream().map(SummaryRow::item).toList(), List.of())) {
                    List<String> cells = new ArrayList<>(List.of(Html.text(model), Html.text(question(q))));
                    for (String c : questionConditions) {
                        cells.add(Cells.stigma(mine.stream().filter(r -> r.item().equals(q) && r.condition().equals(c))
                                .findFirst().orElse(null)));
                    }
                    table.rawRow(cells, null);
                }
            }
            b.append(table.render());
        }
        return b.append("</details>\n").toString();
    }

    /** {@code q08_work_closely} → {@code work closely}. */
    static String question(String id) {
        return Fmt.label(id.replaceFirst("^q\\d+_", ""));
    }

    private static String coverage(List<CoverageRow> coverage) {
        TextTable rows = StigmaSection.coverageTable(coverage);
        if (rows.isEmpty()) {
            return "";
        }
        return "<h3>Parse coverage</h3>\n<p>Answers the parser could read, of all prompts; the stigma rate uses the "
                + "valid answers of the scored questions.</p>\n" + Table.of("Parse coverage (coverage.csv): answers "
                + "the parser read, of all prompts", rows).render();
    }

    private static String attribution(List<SummaryRow> rows, List<String> conditions) {
        List<SummaryRow> strict = rows.stream().filter(r -> r.judge().equals(STRICT) || r.n() < 0).toList();
        if (strict.isEmpty()) {
            return "";
        }
        List<String> cs = Groups.ordered(strict.stream().map(SummaryRow::condition).toList(), conditions);
        List<String> header = new ArrayList<>(List.of("model", "system prompt", "question"));
        cs.forEach(c -> header.add(Fmt.label(c)));
        Table table = new Table("Share of “likely” answers (C or D) to the questions outside the stigma score "
                + "(attribution.csv; percent, [95% interval], n)", header);
        Map<List<String>, Map<String, SummaryRow>> groups = new LinkedHashMap<>();
        for (SummaryRow r : strict) {
            groups.computeIfAbsent(List.of(r.model(), r.systemPrompt(), r.item()), k -> new LinkedHashMap<>())
                    .putIfAbsent(r.condition(), r);
        }
        groups.forEach((k, by) -> {
            boolean survey = by.values().stream().allMatch(r -> r.n() < 0);
            List<String> cells = new ArrayList<>(List.of(Html.text(survey ? k.get(0) + " (survey)" : k.get(0)),
                    Html.text(survey ? "–" : k.get(1)), Html.text(question(k.get(2)))));
            cs.forEach(c -> cells.add(Cells.stigma(by.get(c))));
            table.rawRow(cells, survey ? "reference" : null);
        });
        return "<h3>Attribution questions</h3>\n<details><summary>Mental illness, ups and downs, causes and "
                + "violence to self: the share of “likely” answers, beside the survey’s humans when scored with "
                + "the baseline</summary>\n" + table.render() + "</details>\n";
    }
}
