package org.mhbench.report;

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
    /** System prompts in the paper's order; others follow in order of appearance. */
    public static final List<String> PROMPTS = List.of("none", "steel-man");

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
        List<String> conditions = conditions(all);
        List<String> models = t.models();
        List<String> prompts = prompts(strict);
        if (prompts.isEmpty()) {
            b.append("summary.csv holds no `").append(JUDGE).append("` rows.\n\n");
        }
        for (String prompt : prompts) {
            RateTable table = rateTable(prompt, strict, baseline, conditions, models);
            List<BarSeries> series = Groups.bars(table, models);
            boolean noValidAnswer = strict.stream().filter(r -> r.systemPrompt().equals(prompt))
                    .noneMatch(r -> Double.isFinite(r.rate()));
            String file = charts.write(GroupedBarChart.of("% stigmatizing answers by condition — "
                            + Groups.setting("system prompt", prompt, "parser", "strict"), "condition",
                    "% stigmatizing (of valid answers)", conditions.stream().map(Fmt::label).toList(), series,
                    noValidAnswer ? "no valid answers\nthe parser could read no model's answer: see the coverage table"
                            : null), "stigma-" + prompt);
            b.append("### System prompt: ").append(prompt).append("\n\n");
            b.append("![Stigma rate by condition, system prompt ").append(prompt).append("](").append(file)
                    .append(")\n\n");
            b.append(table.text().markdown()).append('\n');
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
        RateTable attribution = attributionTable(t.attribution(), conditions);
        if (!attribution.isEmpty()) {
            b.append("<details><summary>Attribution questions (").append(org.mhbench.score.SummaryCsv.ATTRIBUTION_FILE)
                    .append("): the share of \"likely\" answers to mental illness, ups and downs, causes and violence "
                    + "to self, outside the stigma score, beside the survey's humans when scored with the baseline"
                    + "</summary>\n\n").append(attribution.text().markdown()).append("\n</details>\n\n");
        }
        b.append(TestCounts.render(t.tests(), EXPERIMENT));
        return b.toString();
    }

    /** The conditions of the rows, in the paper's order, {@code overall} last. */
    public static List<String> conditions(List<SummaryRow> rows) {
        return Groups.conditions(rows.stream().map(SummaryRow::condition).toList(), CONDITIONS);
    }

    /** The system prompts of the rows: {@code none}, {@code steel-man}, then others as they appear. */
    public static List<String> prompts(List<SummaryRow> rows) {
        return Groups.ordered(rows.stream().map(SummaryRow::systemPrompt).toList(), PROMPTS);
    }

    /**
     * The headline table of one system prompt (both reports' table): the stigma rate per model and
     * condition under the strict parser, then each survey baseline.
     *
     * @param strict     the {@code parser:strict} rows of every system prompt (item {@code all})
     * @param baseline   the survey rows (no counts)
     * @param conditions the columns
     * @param models     the report's models, in order
     */
    public static RateTable rateTable(String prompt, List<SummaryRow> strict, List<SummaryRow> baseline,
                                      List<String> conditions, List<String> models) {
        List<SummaryRow> rows = strict.stream().filter(r -> r.systemPrompt().equals(prompt)).toList();
        List<RateTable.Row> out = new ArrayList<>();
        for (String model : Groups.ordered(rows.stream().map(SummaryRow::model).toList(), models)) {
            out.add(RateTable.row(model, List.of(model), false, conditions, rows, SummaryRow::condition,
                    RateTable.Counts.VALID));
        }
        for (String model : Groups.ordered(baseline.stream().map(SummaryRow::model).toList(), List.of())) {
            out.add(RateTable.row(model, List.of(baselineLabel(model)), true, conditions, baseline,
                    SummaryRow::condition, RateTable.Counts.VALID));
        }
        return new RateTable("Stigma rate by condition, system prompt " + prompt + " (percent, [95% interval], "
                + "n valid answers)", RateTable.header(List.of("model"), conditions), conditions, out);
    }

    /**
     * The attribution questions' table ({@code attribution.csv}, both reports' table): the share of "likely"
     * answers per model, system prompt and question under the strict parser, and the survey's.
     */
    public static RateTable attributionTable(List<SummaryRow> attribution, List<String> conditions) {
        List<SummaryRow> strict = attribution.stream().filter(r -> r.judge().equals(JUDGE) || r.n() < 0).toList();
        List<String> cs = Groups.ordered(strict.stream().map(SummaryRow::condition).toList(), conditions);
        Map<List<String>, List<SummaryRow>> groups = new LinkedHashMap<>();
        for (SummaryRow r : strict) {
            groups.computeIfAbsent(List.of(r.model(), r.systemPrompt(), r.item()), k -> new ArrayList<>()).add(r);
        }
        List<RateTable.Row> rows = new ArrayList<>();
        groups.forEach((k, group) -> {
            boolean survey = group.stream().allMatch(r -> r.n() < 0);
            rows.add(RateTable.row(k.get(0), List.of(survey ? k.get(0) + " (survey)" : k.get(0),
                    survey ? Fmt.NONE : k.get(1), question(k.get(2))), survey, cs, group, SummaryRow::condition,
                    RateTable.Counts.VALID));
        });
        return new RateTable("Share of “likely” answers (C or D) to the questions outside the stigma score "
                + "(attribution.csv; percent, [95% interval], n)",
                RateTable.header(List.of("model", "system prompt", "question"), cs), cs, rows);
    }

    /** {@code q08_work_closely} → {@code work closely}. */
    public static String question(String id) {
        return Fmt.label(id.replaceFirst("^q\\d+_", ""));
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
