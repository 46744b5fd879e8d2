package org.mhbench.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.SummaryRow;

/**
 * Experiment 1: stigma rate per condition, one grouped bar chart and table per system prompt, read
 * with the paper's strict parser; survey baselines (rows without counts) as grey reference bars;
 * parse coverage; how many tests are significant.
 */
public final class StigmaSection {

    public static final String EXPERIMENT = "stigma";
    /** The reading charted: the paper's strict parser. */
    public static final String JUDGE = "parser:strict";
    /** Conditions in the paper's order; others follow in order of appearance, then {@code overall}. */
    public static final List<String> CONDITIONS = List.of("control", "depression", "alcohol_dependence", "schizophrenia");

    private StigmaSection() {
    }

    static String render(RunTables t, ChartOutput charts) throws IOException {
        List<SummaryRow> all = t.summary(EXPERIMENT).stream().filter(r -> r.item().equals("all")).toList();
        if (all.isEmpty()) {
            return "";
        }
        List<SummaryRow> strict = all.stream().filter(r -> r.judge().equals(JUDGE)).toList();
        List<SummaryRow> baseline = all.stream().filter(r -> r.n() < 0).toList();
        StringBuilder b = new StringBuilder("## Stigma\n\n");
        b.append("Share of stigmatizing answers to the social-distance and dangerousness questions, over the "
                + "valid answers (n; \"do not know\" and unreadable answers are left out), read with the paper's "
                + "strict parser (`").append(JUDGE).append("`). `overall` pools depression, alcohol dependence "
                + "and schizophrenia. Lower is better.\n\n");
        List<String> conditions = Groups.conditions(all.stream().map(SummaryRow::condition).toList(), CONDITIONS);
        List<String> models = t.models();
        Set<String> prompts = new LinkedHashSet<>();
        strict.forEach(r -> prompts.add(r.systemPrompt()));
        if (prompts.isEmpty()) {
            b.append("summary.csv holds no `").append(JUDGE).append("` rows.\n\n");
        }
        for (String prompt : prompts) {
            List<SummaryRow> rows = strict.stream().filter(r -> r.systemPrompt().equals(prompt)).toList();
            List<String> rowModels = Groups.ordered(rows.stream().map(SummaryRow::model).toList(), models);
            List<BarSeries> series = new ArrayList<>();
            MarkdownTable table = new MarkdownTable(header(conditions));
            for (String model : rowModels) {
                Map<String, SummaryRow> byCondition = byCondition(rows, model);
                series.add(Groups.bars(model, conditions, byCondition, true,
                        ChartFiles.modelColor(models.indexOf(model))));
                List<String> cells = new ArrayList<>(List.of(model));
                for (String c : conditions) {
                    SummaryRow r = byCondition.get(c);
                    cells.add(r == null ? Fmt.NONE : Fmt.rateWithCi(r.rate(), r.ciLow(), r.ciHigh()) + ", n="
                            + Fmt.count(r.n()));
                }
                table.row(cells);
            }
            List<String> baselineModels = Groups.ordered(baseline.stream().map(SummaryRow::model).toList(), List.of());
            for (int i = 0; i < baselineModels.size(); i++) {
                String model = baselineModels.get(i);
                Map<String, SummaryRow> byCondition = byCondition(baseline, model);
                Color grey = ChartFiles.REFERENCE_COLORS.get(i % ChartFiles.REFERENCE_COLORS.size());
                series.add(Groups.bars(baselineLabel(model), conditions, byCondition, false, grey));
                List<String> cells = new ArrayList<>(List.of(baselineLabel(model)));
                for (String c : conditions) {
                    SummaryRow r = byCondition.get(c);
                    cells.add(r == null ? Fmt.NONE : Fmt.rate(r.rate()) + " (survey)");
                }
                table.row(cells);
            }
            boolean noValidAnswer = rows.stream().noneMatch(r -> Double.isFinite(r.rate()));
            String file = charts.write(GroupedBarChart.of("% stigmatizing answers by condition — "
                            + Groups.setting("system prompt", prompt, "parser", "strict"), "condition",
                    "% stigmatizing (of valid answers)", conditions.stream().map(Fmt::label).toList(), series,
                    noValidAnswer ? "no valid answers\nthe parser could read no model's answer: see the coverage table"
                            : null), "stigma-" + prompt);
            b.append("### System prompt: ").append(prompt).append("\n\n");
            b.append("![Stigma rate by condition, system prompt ").append(prompt).append("](").append(file)
                    .append(")\n\n");
            b.append(table.render()).append('\n');
            if (noValidAnswer) {
                b.append("No model gave a valid answer with this system prompt, so there are no model bars (the "
                        + "expected result for a random-weight test model; see the coverage table).\n\n");
            }
        }
        if (!baseline.isEmpty()) {
            b.append(baselineNote(baseline));
        }
        Set<String> otherReadings = new LinkedHashSet<>();
        all.stream().filter(r -> r.n() >= 0 && !r.judge().equals(JUDGE)).forEach(r -> otherReadings.add(r.judge()));
        if (!otherReadings.isEmpty()) {
            b.append("summary.csv also holds the readings ").append(String.join(", ", otherReadings.stream()
                    .map(s -> "`" + s + "`").toList())).append(", not charted here.\n\n");
        }
        b.append(coverage(t.coverage()));
        b.append(TestCounts.render(t.tests(), EXPERIMENT));
        return b.toString();
    }

    private static List<String> header(List<String> conditions) {
        List<String> h = new ArrayList<>(List.of("model"));
        conditions.forEach(c -> h.add(Fmt.label(c)));
        return h;
    }

    private static Map<String, SummaryRow> byCondition(List<SummaryRow> rows, String model) {
        Map<String, SummaryRow> out = new LinkedHashMap<>();
        rows.stream().filter(r -> r.model().equals(model)).forEach(r -> out.putIfAbsent(r.condition(), r));
        return out;
    }

    /** The legend label of a survey baseline: which reading of the survey table it is. */
    public static String baselineLabel(String model) {
        if (model.startsWith("human-gss2018-notebook")) {
            return "humans 2018 (1 − x)";
        }
        if (model.startsWith("human-gss2018-unwilling")) {
            return "humans 2018 (% unwilling)";
        }
        return model + " (survey)";
    }

    private static String baselineNote(List<SummaryRow> baseline) {
        StringBuilder b = new StringBuilder("Grey bars are survey baselines, drawn without intervals (their counts "
                + "are unknown). ");
        if (baseline.stream().anyMatch(r -> r.model().startsWith("human-gss2018-"))) {
            b.append("The human baseline (humans 2018) is the 2018 General Social Survey table under two readings: "
                    + "the paper notebook's 1 − x (which reproduces the paper's figure but is probably inverted) and "
                    + "the table read as % unwilling (probably correct). The same baseline is shown with every "
                    + "system prompt; people were not prompted.");
        }
        return b.append("\n\n").toString();
    }

    /** The stigma rows of {@code coverage.csv}: parsed, abstained and valid answers (both reports' table). */
    public static TextTable coverageTable(List<CoverageRow> coverage) {
        List<List<String>> rows = new ArrayList<>();
        for (CoverageRow c : coverage) {
            if (c.experiment().equals(EXPERIMENT)) {
                rows.add(List.of(c.model(), c.systemPrompt(), c.judge(), c.parsed() + " / " + c.total(),
                        Long.toString(c.abstained()), c.valid() + " / " + c.total(),
                        c.scoredValid() + " / " + c.scoredTotal()));
            }
        }
        return new TextTable(List.of("model", "system prompt", "reading", "parsed / total", "do not know",
                "valid / total", "valid of the scored questions"), rows);
    }

    private static String coverage(List<CoverageRow> coverage) {
        TextTable table = coverageTable(coverage);
        if (table.isEmpty()) {
            return "";
        }
        return "Parse coverage (`coverage.csv`): answers read by the parser, of all prompts; the stigma rate "
                + "uses the valid answers of the scored questions.\n\n" + table.markdown() + '\n';
    }
}
