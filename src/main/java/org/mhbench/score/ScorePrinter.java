package org.mhbench.score;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mhbench.util.Plural;

/**
 * Prints a {@link ScoreResult} as readable tables: per experiment, the pooled rate per condition
 * ({@code item = all}) with n, coverage, a count of significant tests, and the notes. The CSV files
 * hold everything; this is the overview.
 */
public final class ScorePrinter {

    private ScorePrinter() {
    }

    public static void print(ScoreResult report, PrintWriter out) {
        Map<String, List<SummaryRow>> byExperiment = new LinkedHashMap<>();
        for (SummaryRow r : report.summary()) {
            byExperiment.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<SummaryRow>> e : byExperiment.entrySet()) {
            printRates(e.getKey(), e.getValue(), out);
        }
        if (!report.coverage().isEmpty()) {
            printCoverage(report.coverage(), out);
        }
        if (!report.tests().isEmpty()) {
            out.println();
            out.println(testsLine(report.tests()));
        }
        out.flush();
    }

    /**
     * Prints the tables to {@code out} and the report's notes to {@code err}: what a person reads as
     * the result goes to stdout, remarks about it to stderr.
     */
    public static void print(ScoreResult report, PrintWriter out, PrintWriter err) {
        print(report, out);
        for (String note : report.notes()) {
            err.println("note: " + note);
        }
        err.flush();
    }

    /**
     * One line on {@code tests.csv}: how many pairwise tests it holds, how many are significant, and how
     * many have no p-value (groups without enough data or all alike; Bonferroni counts only the others).
     */
    static String testsLine(List<TestRow> tests) {
        long withP = tests.stream().filter(t -> !Double.isNaN(t.p())).count();
        long significant = tests.stream().filter(TestRow::significant).count();
        long without = tests.size() - withP;
        return "tests (tests.csv): " + Plural.of(tests.size(), "pairwise test") + ", " + significant
                + " significant after Bonferroni correction"
                + (without == 0 ? "" : "; " + without + " of them " + Plural.verb(without, "has", "have")
                + " no p-value (a group with too few answers, or both groups all alike: see the note column)");
    }

    private static void printRates(String experiment, List<SummaryRow> rows, PrintWriter out) {
        Set<String> conditions = new LinkedHashSet<>();
        Map<List<String>, Map<String, SummaryRow>> table = new LinkedHashMap<>();
        for (SummaryRow r : rows) {
            if (!r.item().equals("all")) {
                continue;
            }
            conditions.add(r.condition());
            table.computeIfAbsent(List.of(r.model(), r.systemPrompt(), r.judge(), r.context()),
                    k -> new LinkedHashMap<>()).put(r.condition(), r);
        }
        out.printf(Locale.ROOT, "%n%s: rate (n) per condition, all scored items pooled%n", experiment);
        // The context column appears only when some row has a context (responses with transcripts).
        boolean contexts = rows.stream().anyMatch(r -> !"none".equals(r.context()));
        // Judge ids differ only at the end (e.g. J and J+answered): never cut them.
        int jw = Math.max(16, rows.stream().mapToInt(r -> r.judge().length()).max().orElse(0));
        String rowFormat = "%-34s %-12s %-" + jw + "s";
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, rowFormat, "model", "system", "judge"));
        if (contexts) {
            head.append(String.format(Locale.ROOT, " %-18s", "context"));
        }
        for (String c : conditions) {
            head.append(String.format(Locale.ROOT, " %18s", shorten(c, 18)));
        }
        out.println(head);
        for (Map.Entry<List<String>, Map<String, SummaryRow>> e : table.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, rowFormat,
                    shorten(e.getKey().get(0), 34), shorten(e.getKey().get(1), 12), e.getKey().get(2)));
            if (contexts) {
                line.append(String.format(Locale.ROOT, " %-18s", shorten(e.getKey().get(3), 18)));
            }
            for (String c : conditions) {
                SummaryRow r = e.getValue().get(c);
                line.append(String.format(Locale.ROOT, " %18s", r == null ? "" : cell(r)));
            }
            out.println(line);
        }
    }

    private static String cell(SummaryRow r) {
        if (Double.isNaN(r.rate())) {
            return "- (0)";
        }
        return String.format(Locale.ROOT, "%.3f", r.rate()) + (r.n() >= 0 ? " (" + r.n() + ")" : "");
    }

    private static void printCoverage(List<CoverageRow> rows, PrintWriter out) {
        out.printf(Locale.ROOT, "%ncoverage: parsed / abstained (\"do not know\") / valid answers of total; "
                + "scored valid of scored total%n");
        int jw = Math.max(16, rows.stream().mapToInt(r -> r.judge().length()).max().orElse(0));
        String format = "%-10s %-34s %-12s %-" + jw + "s %-18s %7s %7s %7s %7s %7s %9s%n";
        out.printf(Locale.ROOT, format, "experiment", "model",
                "system", "judge", "context", "total", "failed", "parsed", "abstain", "valid", "scored");
        for (CoverageRow r : rows) {
            out.printf(Locale.ROOT, format,
                    shorten(r.experiment(), 10), shorten(r.model(), 34), shorten(r.systemPrompt(), 12),
                    r.judge(), shorten(r.context(), 18), r.total(),
                    r.failed(), r.parsed(), r.abstained(), r.valid(), r.scoredValid() + "/" + r.scoredTotal());
        }
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
