package org.mhbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.paper.HandCollectedResponses;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.SummaryRow;
import org.mhbench.util.Plural;

/**
 * Experiment 2: % appropriate replies per condition, one grouped bar chart and table per (judge,
 * system prompt, context) under the paper's rule (a missing reply counts as inappropriate); % by
 * number of transcript messages before the stimulus; where the answered-only reading differs;
 * judging coverage and needs-review flags; how many tests are significant.
 */
public final class ResponsesSection {

    public static final String EXPERIMENT = "responses";
    /** Suffix of the answered-only reading's judge id. */
    public static final String ANSWERED = org.mhbench.score.responses.ResponsesScorer.ANSWERED_SUFFIX;
    /** The judge id of replies labelled by people (hand-collected replies): a reference in other settings. */
    public static final String HUMAN = HandCollectedResponses.HUMAN_JUDGE;
    /** Contexts in the paper's order; others follow in order of appearance. */
    public static final List<String> CONTEXTS = List.of("none", "transcript", "transcript+bridge");

    private ResponsesSection() {
    }

    static String render(RunTables t, ChartOutput charts) throws IOException {
        List<SummaryRow> all = t.summary(EXPERIMENT).stream().filter(r -> r.item().equals("all")).toList();
        List<CoverageRow> coverage = t.coverage().stream().filter(c -> c.experiment().equals(EXPERIMENT)).toList();
        if (all.isEmpty() && coverage.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("## Appropriate responses\n\n");
        b.append("Share of replies a judge found appropriate for each client message's criterion, under the "
                + "paper's rule: a prompt with no reply counts as inappropriate. `overall` pools all conditions, "
                + "stimuli and transcript placements. Higher is better.\n\n");
        List<SummaryRow> paperRule = all.stream().filter(r -> !r.judge().endsWith(ANSWERED)).toList();
        List<SummaryRow> humans = paperRule.stream().filter(r -> r.judge().equals(HUMAN)).toList();
        List<String> models = t.models();
        Map<ResponsesSetting, List<SummaryRow>> settings = settings(paperRule);
        if (settings.isEmpty()) {
            b.append("summary.csv holds no judged replies yet: judge them with `mhbench judge RUN_DIR`, then "
                    + "score again.\n\n");
        }
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            ResponsesSetting s = e.getKey();
            RateTable table = rateTable(s, e.getValue(), humans, models);
            List<String> conditions = table.keys();
            List<BarSeries> series = Groups.bars(table, models);
            boolean noData = e.getValue().stream().noneMatch(r -> Double.isFinite(r.rate()));
            String file = charts.write(GroupedBarChart.of("% appropriate by condition — " + s.title(),
                    "condition", "% appropriate replies", conditions.stream().map(Fmt::label).toList(), series,
                    noData ? "no judged replies" : null), "responses-" + s.fileName());
            b.append("### ").append(capitalize(s.title())).append("\n\n");
            b.append("![% appropriate by condition, ").append(s.title()).append("](").append(file).append(")\n\n");
            b.append(table.text().markdown()).append('\n');
        }
        b.append(byMessage(t, charts, models));
        b.append(answeredOnly(all));
        b.append(coverage(coverage, t.needsReview()));
        b.append(TestCounts.render(t.tests(), EXPERIMENT));
        return b.toString();
    }

    private static String byMessage(RunTables t, ChartOutput charts, List<String> models) throws IOException {
        Map<ResponsesSetting, List<SummaryRow>> settings = byMessageSettings(t.byMessage());
        if (settings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("### By number of transcript messages before the stimulus\n\n"
                + "From `by_message.csv` (message numbers with n ≤ 1 left out, as in the paper).\n\n");
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            ResponsesSetting s = e.getKey();
            RateTable table = byMessageTable(s, e.getValue(), models);
            List<LineSeries> series = new ArrayList<>();
            for (RateTable.Row row : table.rows()) {
                List<SummaryRow> points = row.byKey(table.keys()).values().stream().toList();
                series.add(new LineSeries(row.model(), points.stream().map(r -> Double.parseDouble(r.item())).toList(),
                        points.stream().map(r -> Groups.percent(r.rate())).toList(),
                        points.stream().map(r -> Groups.percent(r.ciLow())).toList(),
                        points.stream().map(r -> Groups.percent(r.ciHigh())).toList(),
                        ChartFiles.modelColor(models.indexOf(row.model()))));
            }
            String file = charts.write(CiLineChart.of("% appropriate by message number — " + s.title(),
                    "transcript messages before the stimulus", "% appropriate replies", series),
                    "by-message-" + s.fileName());
            b.append("![% appropriate by message number, ").append(s.title()).append("](").append(file)
                    .append(")\n\n").append(table.text().markdown()).append('\n');
        }
        return b.toString();
    }

    /** Rows in the order judges appear, then system prompt (none, steel-man), then context. */
    private static List<SummaryRow> sorted(List<SummaryRow> rows) {
        List<String> judges = Groups.ordered(rows.stream().map(SummaryRow::judge).toList(), List.of());
        List<String> prompts = Groups.ordered(rows.stream().map(SummaryRow::systemPrompt).toList(),
                StigmaSection.PROMPTS);
        List<String> contexts = Groups.ordered(rows.stream().map(SummaryRow::context).toList(), CONTEXTS);
        List<SummaryRow> out = new ArrayList<>(rows);
        out.sort((a, c) -> {
            int d = Integer.compare(judges.indexOf(a.judge()), judges.indexOf(c.judge()));
            d = d != 0 ? d : Integer.compare(prompts.indexOf(a.systemPrompt()), prompts.indexOf(c.systemPrompt()));
            return d != 0 ? d : Integer.compare(contexts.indexOf(a.context()), contexts.indexOf(c.context()));
        });
        return out;
    }

    /**
     * The paper-rule rows (item {@code all}) by setting, one chart and table each: judges in order of
     * appearance, then system prompt ({@code none}, {@code steel-man}), then context.
     */
    public static Map<ResponsesSetting, List<SummaryRow>> settings(List<SummaryRow> paperRule) {
        Map<ResponsesSetting, List<SummaryRow>> out = new LinkedHashMap<>();
        sorted(paperRule).forEach(r -> out.computeIfAbsent(ResponsesSetting.of(r), s -> new ArrayList<>()).add(r));
        return out;
    }

    /**
     * The headline table of one setting (both reports' table): % appropriate per model and condition under
     * the paper's rule, then, unless the setting is people's own labels, each source of hand-collected
     * replies labelled by people (that is not a model of the table) as a reference.
     *
     * @param rows   the setting's rows
     * @param humans the rows judged by people ({@value #HUMAN}), of every setting
     * @param models the report's models, in order
     */
    public static RateTable rateTable(ResponsesSetting s, List<SummaryRow> rows, List<SummaryRow> humans,
                                      List<String> models) {
        List<String> conditions = Groups.conditions(rows.stream().map(SummaryRow::condition).toList(), List.of());
        List<String> rowModels = Groups.ordered(rows.stream().map(SummaryRow::model).toList(), models);
        List<RateTable.Row> out = new ArrayList<>();
        for (String model : rowModels) {
            out.add(RateTable.row(model, List.of(model), false, conditions, rows, SummaryRow::condition,
                    RateTable.Counts.APPROPRIATE));
        }
        if (!s.judge().equals(HUMAN)) {
            for (String source : Groups.ordered(humans.stream().map(SummaryRow::model).toList(), List.of())) {
                if (!rowModels.contains(source)) {
                    out.add(RateTable.row(source, List.of(source + " (hand-collected, human labels)"), true,
                            conditions, humans, SummaryRow::condition, RateTable.Counts.APPROPRIATE));
                }
            }
        }
        return new RateTable("% appropriate by condition, " + s.title() + " (percent, [95% interval], "
                + "appropriate/prompts)", RateTable.header(List.of("model"), conditions), conditions, out);
    }

    /** The paper-rule rows of {@code by_message.csv} by setting, in order of appearance. */
    public static Map<ResponsesSetting, List<SummaryRow>> byMessageSettings(List<SummaryRow> byMessage) {
        Map<ResponsesSetting, List<SummaryRow>> out = new LinkedHashMap<>();
        byMessage.stream().filter(r -> r.experiment().equals(EXPERIMENT) && !r.judge().endsWith(ANSWERED))
                .forEach(r -> out.computeIfAbsent(ResponsesSetting.of(r), s -> new ArrayList<>()).add(r));
        return out;
    }

    /**
     * % appropriate by the number of transcript messages before the stimulus, one setting (both reports'
     * table and chart points): a row per model, a column per message number, in numeric order.
     */
    public static RateTable byMessageTable(ResponsesSetting s, List<SummaryRow> rows, List<String> models) {
        List<String> messages = new ArrayList<>(Groups.ordered(rows.stream().map(SummaryRow::item).toList(),
                List.of()));
        messages.sort((a, c) -> Double.compare(Double.parseDouble(a), Double.parseDouble(c)));
        List<RateTable.Row> out = new ArrayList<>();
        for (String model : Groups.ordered(rows.stream().map(SummaryRow::model).toList(), models)) {
            out.add(RateTable.row(model, List.of(model), false, messages, rows, SummaryRow::item,
                    RateTable.Counts.APPROPRIATE));
        }
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(messages);
        return new RateTable("% appropriate by message number, " + s.title(), header, messages, out);
    }

    /**
     * The answered-only reading ({@code J+answered}) of a paper-rule row ({@code J}) where it differs (some
     * prompts got no reply), or {@code null} where it is the same or absent.
     */
    public static SummaryRow answeredWhereDiffers(SummaryRow paperRule, List<SummaryRow> answered) {
        return answered.stream().filter(a -> a.experiment().equals(paperRule.experiment())
                        && a.model().equals(paperRule.model()) && a.judge().equals(paperRule.judge() + ANSWERED)
                        && a.systemPrompt().equals(paperRule.systemPrompt()) && a.context().equals(paperRule.context())
                        && a.condition().equals(paperRule.condition()) && a.item().equals(paperRule.item()))
                .findFirst().filter(a -> a.k() != paperRule.k() || a.n() != paperRule.n()).orElse(null);
    }

    /** Where the answered-only reading ({@code J+answered}) differs from the paper's rule ({@code J}). */
    private static String answeredOnly(List<SummaryRow> all) {
        List<SummaryRow> answered = all.stream().filter(r -> r.judge().endsWith(ANSWERED)
                && r.condition().equals(Groups.OVERALL)).toList();
        MarkdownTable table = new MarkdownTable(List.of("model", "judge", "system prompt", "context",
                "paper rule (no reply = inappropriate)", "answered only"));
        for (SummaryRow p : all) {
            SummaryRow a = p.judge().endsWith(ANSWERED) || !p.condition().equals(Groups.OVERALL) ? null
                    : answeredWhereDiffers(p, answered);
            if (a != null) {
                table.row(List.of(p.model(), p.judge(), p.systemPrompt(), p.context(),
                        RateTable.cell(p, RateTable.Counts.APPROPRIATE).text(),
                        RateTable.cell(a, RateTable.Counts.APPROPRIATE).text()));
            }
        }
        if (table.isEmpty()) {
            return answered.isEmpty() ? "" : "Every prompt got a reply: the answered-only reading (`J"
                    + ANSWERED + "`) equals the paper's rule.\n\n";
        }
        return "### Answered-only reading\n\nWhere some prompts got no reply (a failed generation, a context "
                + "overflow, a missing row in imported data), the paper's rule counts them as inappropriate; the "
                + "answered-only reading (`J" + ANSWERED + "`) leaves them out. Overall rates where the two "
                + "differ:\n\n" + table.render() + '\n';
    }

    /** The responses rows of {@code coverage.csv}: prompts, no reply, judged (both reports' table). */
    public static TextTable coverageTable(List<CoverageRow> coverage) {
        List<List<String>> rows = new ArrayList<>();
        for (CoverageRow c : coverage) {
            if (c.experiment().equals(EXPERIMENT)) {
                rows.add(List.of(c.model(), c.judge(), c.systemPrompt(), c.context(), Long.toString(c.total()),
                        Long.toString(c.failed()), Long.toString(c.valid())));
            }
        }
        return new TextTable(List.of("model", "judge", "system prompt", "context", "prompts", "no reply", "judged"),
                rows);
    }

    /** The responses groups no judge has judged yet, as {@code model (system prompt, context)}. */
    public static List<String> unjudged(List<CoverageRow> coverage) {
        return coverage.stream().filter(c -> c.experiment().equals(EXPERIMENT) && c.judge().equals("none"))
                .map(c -> c.model() + " (" + c.systemPrompt() + ", " + c.context() + ")").toList();
    }

    private static String coverage(List<CoverageRow> coverage, Map<String, long[]> needsReview) {
        StringBuilder b = new StringBuilder();
        TextTable table = coverageTable(coverage);
        List<String> unjudged = unjudged(coverage);
        if (!table.isEmpty()) {
            b.append("Coverage (`coverage.csv`): prompts, prompts without a reply, and replies the judge "
                    + "judged.\n\n").append(table.markdown()).append('\n');
        }
        if (!unjudged.isEmpty()) {
            b.append("**Not judged yet:** ").append(String.join(", ", unjudged))
                    .append(". Judge with `mhbench judge RUN_DIR --judge J`, then score again.\n\n");
        }
        needsReview.forEach((judge, c) -> {
            if (c[1] > 0) {
                b.append("**Needs review:** ").append(c[1]).append(" of ").append(Plural.of(c[0], "verdict"))
                        .append(" of judge `").append(judge).append("` ").append(Plural.verb(c[1], "is", "are"))
                        .append(" flagged `needsReview` in judgments.jsonl (the judge was unsure "
                                + "or its answer was unreadable; an unreadable answer counts as inappropriate). A "
                                + "person should look at them.\n\n");
            }
        });
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
