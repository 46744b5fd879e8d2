package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.mhbench.report.Fmt;
import org.mhbench.report.Groups;
import org.mhbench.report.Palette;
import org.mhbench.report.StigmaSection;
import org.mhbench.report.RateTable;
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
        List<String> conditions = StigmaSection.conditions(all);
        List<String> prompts = StigmaSection.prompts(strict);
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
            b.append("<h3>System prompt: ").append(Html.text(prompt)).append("</h3>\n");
            b.append(chartAndTable(runs, ids, prompt, strict, baseline, conditions, paper));
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

    private static String chartAndTable(Runs runs, Ids ids, String prompt, List<SummaryRow> strict,
                                        List<SummaryRow> baseline, List<String> conditions, PaperReference paper) {
        RateTable rates = StigmaSection.rateTable(prompt, strict, baseline, conditions, runs.models());
        List<String> models = rates.rows().stream().filter(r -> !r.reference()).map(RateTable.Row::model).toList();
        List<BarChartSvg.Series> series = series(runs, rates, (model, c) -> paper.percent(EXPERIMENT,
                runs.original(model), prompt, "none", c));
        Table table = Table.of(rates, (row, i) -> row.reference() ? "" : Cells.paper(paper.percent(EXPERIMENT,
                runs.original(row.model()), prompt, "none", conditions.get(i))));
        boolean noValid = strict.stream().filter(r -> r.systemPrompt().equals(prompt))
                .noneMatch(r -> Double.isFinite(r.rate()));
        String title = "% stigmatizing answers by condition — system prompt: " + prompt + " · parser: strict";
        String svg = BarChartSvg.render(ids.next("chart"), title, "Grouped bar chart of the share of stigmatizing "
                        + "answers (0 to 100%) per condition (" + String.join(", ", conditions.stream().map(Fmt::label)
                        .toList()) + ") for " + String.join(", ", models) + (models.size() == rates.rows().size() ? ""
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

    /**
     * The bar series of a rate table's rows, one per row: a model's in its colour with intervals and the
     * paper's rates ({@code paper}: model, key → percent or NaN), a reference's grey without.
     */
    static List<BarChartSvg.Series> series(Runs runs, RateTable table, BiFunction<String, String, Double> paper) {
        List<BarChartSvg.Series> series = new ArrayList<>();
        int references = 0;
        for (RateTable.Row row : table.rows()) {
            Map<String, SummaryRow> by = row.byKey(table.keys());
            if (row.reference()) {
                series.add(series(row.labels().get(0), Palette.hex(Palette.reference(references++)), table.keys(), by,
                        null, true));
            } else {
                series.add(series(row.model(), runs.color(row.model()), table.keys(), by, table.keys().stream()
                        .map(k -> paper.apply(row.model(), k)).toList(), false));
            }
        }
        return series;
    }

    private static BarChartSvg.Series series(String name, String color, List<String> conditions, Map<String, SummaryRow> by,
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

    /** Overall stigma rate per model, one column per system prompt: the steel-man's effect at a glance. */
    private static String byPrompt(Runs runs, List<SummaryRow> strict, List<String> prompts, PaperReference paper) {
        List<SummaryRow> overall = strict.stream().filter(r -> r.condition().equals(Groups.OVERALL)).toList();
        List<RateTable.Row> rows = new ArrayList<>();
        for (String model : Groups.ordered(overall.stream().map(SummaryRow::model).toList(), runs.models())) {
            rows.add(RateTable.row(model, List.of(model), false, prompts, overall, SummaryRow::systemPrompt,
                    RateTable.Counts.VALID));
        }
        List<String> header = new ArrayList<>(List.of("model"));
        prompts.forEach(p -> header.add("system prompt: " + p));
        RateTable rates = new RateTable("Overall stigma rate by system prompt (percent, [95% interval], n)", header,
                prompts, rows);
        return "<h3>Both system prompts</h3>\n" + Table.of(rates, (row, i) -> Cells.paper(paper.percent(EXPERIMENT,
                runs.original(row.model()), prompts.get(i), "none", Groups.OVERALL))).render();
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
            List<SummaryRow> promptRows = items.stream().filter(r -> r.systemPrompt().equals(prompt)).toList();
            List<RateTable.Row> out = new ArrayList<>();
            for (String model : Groups.ordered(promptRows.stream().map(SummaryRow::model).toList(), runs.models())) {
                List<SummaryRow> mine = promptRows.stream().filter(r -> r.model().equals(model)).toList();
                for (String q : Groups.ordered(mine.stream().map(SummaryRow::item).toList(), List.of())) {
                    out.add(RateTable.row(model, List.of(model, StigmaSection.question(q)), false, questionConditions,
                            mine.stream().filter(r -> r.item().equals(q)).toList(), SummaryRow::condition,
                            RateTable.Counts.VALID));
                }
            }
            b.append(Table.of(new RateTable("Per question, system prompt " + prompt + " (percent, [95% interval], n)",
                    RateTable.header(List.of("model", "question"), questionConditions), questionConditions, out))
                    .render());
        }
        return b.append("</details>\n").toString();
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
        RateTable table = StigmaSection.attributionTable(rows, conditions);
        if (table.isEmpty()) {
            return "";
        }
        return "<h3>Attribution questions</h3>\n<details><summary>Mental illness, ups and downs, causes and "
                + "violence to self: the share of “likely” answers, beside the survey’s humans when scored with "
                + "the baseline</summary>\n" + Table.of(table).render() + "</details>\n";
    }
}
