package org.mhbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<String> models = t.models();
        Map<ResponsesSetting, List<SummaryRow>> settings = new LinkedHashMap<>();
        paperRule.forEach(r -> settings.computeIfAbsent(ResponsesSetting.of(r), s -> new ArrayList<>()).add(r));
        if (settings.isEmpty()) {
            b.append("summary.csv holds no judged replies yet: judge them with `mhbench judge RUN_DIR`, then "
                    + "score again.\n\n");
        }
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            ResponsesSetting s = e.getKey();
            List<SummaryRow> rows = e.getValue();
            List<String> conditions = Groups.conditions(rows.stream().map(SummaryRow::condition).toList(), List.of());
            List<String> rowModels = Groups.ordered(rows.stream().map(SummaryRow::model).toList(), models);
            List<BarSeries> series = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("model"));
            conditions.forEach(c -> header.add(Fmt.label(c)));
            MarkdownTable table = new MarkdownTable(header);
            for (String model : rowModels) {
                Map<String, SummaryRow> byCondition = new LinkedHashMap<>();
                rows.stream().filter(r -> r.model().equals(model))
                        .forEach(r -> byCondition.putIfAbsent(r.condition(), r));
                series.add(Groups.bars(model, conditions, byCondition, true,
                        ChartFiles.modelColor(models.indexOf(model))));
                List<String> cells = new ArrayList<>(List.of(model));
                for (String c : conditions) {
                    SummaryRow r = byCondition.get(c);
                    cells.add(r == null ? Fmt.NONE : withCounts(r));
                }
                table.row(cells);
            }
            boolean noData = rows.stream().noneMatch(r -> Double.isFinite(r.rate()));
            String file = charts.write(GroupedBarChart.of("% appropriate by condition — " + s.title(),
                    "condition", "% appropriate replies", conditions.stream().map(Fmt::label).toList(), series,
                    noData ? "no judged replies" : null), "responses-" + s.fileName());
            b.append("### ").append(capitalize(s.title())).append("\n\n");
            b.append("![% appropriate by condition, ").append(s.title()).append("](").append(file).append(")\n\n");
            b.append(table.render()).append('\n');
        }
        b.append(byMessage(t, charts, models));
        b.append(answeredOnly(all));
        b.append(coverage(coverage, t.needsReview()));
        b.append(TestCounts.render(t.tests(), EXPERIMENT));
        return b.toString();
    }

    private static String byMessage(RunTables t, ChartOutput charts, List<String> models) throws IOException {
        Map<ResponsesSetting, List<SummaryRow>> settings = new LinkedHashMap<>();
        t.byMessage().stream().filter(r -> r.experiment().equals(EXPERIMENT) && !r.judge().endsWith(ANSWERED))
                .forEach(r -> settings.computeIfAbsent(ResponsesSetting.of(r), s -> new ArrayList<>()).add(r));
        if (settings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("### By number of transcript messages before the stimulus\n\n"
                + "From `by_message.csv` (message numbers with n ≤ 1 left out, as in the paper).\n\n");
        for (Map.Entry<ResponsesSetting, List<SummaryRow>> e : settings.entrySet()) {
            ResponsesSetting s = e.getKey();
            List<SummaryRow> rows = e.getValue();
            List<LineSeries> series = new ArrayList<>();
            for (String model : Groups.ordered(rows.stream().map(SummaryRow::model).toList(), models)) {
                List<SummaryRow> points = rows.stream().filter(r -> r.model().equals(model))
                        .sorted((a, c) -> Double.compare(Double.parseDouble(a.item()), Double.parseDouble(c.item())))
                        .toList();
                series.add(new LineSeries(model, points.stream().map(r -> Double.parseDouble(r.item())).toList(),
                        points.stream().map(r -> Groups.percent(r.rate())).toList(),
                        points.stream().map(r -> Groups.percent(r.ciLow())).toList(),
                        points.stream().map(r -> Groups.percent(r.ciHigh())).toList(),
                        ChartFiles.modelColor(models.indexOf(model))));
            }
            String file = charts.write(CiLineChart.of("% appropriate by message number — " + s.title(),
                    "transcript messages before the stimulus", "% appropriate replies", series),
                    "by-message-" + s.fileName());
            b.append("![% appropriate by message number, ").append(s.title()).append("](").append(file)
                    .append(")\n\n");
        }
        return b.toString();
    }

    /** Where the answered-only reading ({@code J+answered}) differs from the paper's rule ({@code J}). */
    private static String answeredOnly(List<SummaryRow> all) {
        Map<List<String>, SummaryRow> paper = new LinkedHashMap<>();
        Map<List<String>, SummaryRow> answered = new LinkedHashMap<>();
        for (SummaryRow r : all) {
            if (!r.condition().equals(Groups.OVERALL)) {
                continue;
            }
            boolean isAnswered = r.judge().endsWith(ANSWERED);
            String judge = isAnswered ? r.judge().substring(0, r.judge().length() - ANSWERED.length()) : r.judge();
            List<String> key = List.of(r.model(), judge, r.systemPrompt(), r.context());
            (isAnswered ? answered : paper).put(key, r);
        }
        MarkdownTable table = new MarkdownTable(List.of("model", "judge", "system prompt", "context",
                "paper rule (no reply = inappropriate)", "answered only"));
        for (Map.Entry<List<String>, SummaryRow> e : paper.entrySet()) {
            SummaryRow p = e.getValue();
            SummaryRow a = answered.get(e.getKey());
            if (a == null || (a.k() == p.k() && a.n() == p.n())) {
                continue;
            }
            List<String> k = e.getKey();
            table.row(List.of(k.get(0), k.get(1), k.get(2), k.get(3), withCounts(p), withCounts(a)));
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

    /** {@code rate [low, high], k/n}. */
    private static String withCounts(SummaryRow r) {
        return Fmt.rateWithCi(r.rate(), r.ciLow(), r.ciHigh()) + ", " + Fmt.count(r.k()) + "/" + Fmt.count(r.n());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
