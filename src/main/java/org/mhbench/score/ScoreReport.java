package org.mhbench.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code mhbench score} writes: {@code summary.csv} rows, {@code coverage.csv} rows,
 * {@code tests.csv} rows, {@code by_message.csv} rows (responses placed inside transcripts: the
 * rate per number of preceding transcript messages; {@link SummaryRow#item()} holds that number),
 * {@code attribution.csv} rows (stigma questions outside the score: share of "likely" answers, next
 * to the human survey), and notes for people (printed, not written).
 */
public record ScoreReport(List<SummaryRow> summary, List<CoverageRow> coverage, List<TestRow> tests,
                          List<SummaryRow> byMessage, List<SummaryRow> attribution, List<String> notes) {

    public ScoreReport {
        summary = List.copyOf(summary);
        coverage = List.copyOf(coverage);
        tests = List.copyOf(tests);
        byMessage = List.copyOf(byMessage);
        attribution = List.copyOf(attribution);
        notes = List.copyOf(notes);
    }

    /** A report with only the three main tables. */
    public ScoreReport(List<SummaryRow> summary, List<CoverageRow> coverage, List<TestRow> tests,
                       List<String> notes) {
        this(summary, coverage, tests, List.of(), List.of(), notes);
    }

    public static ScoreReport empty() {
        return new ScoreReport(List.of(), List.of(), List.of(), List.of());
    }

    /** This report followed by {@code other}. */
    public ScoreReport plus(ScoreReport other) {
        return new ScoreReport(concat(summary, other.summary), concat(coverage, other.coverage),
                concat(tests, other.tests), concat(byMessage, other.byMessage),
                concat(attribution, other.attribution), concat(notes, other.notes));
    }

    /** This report with one more note. */
    public ScoreReport withNote(String note) {
        return new ScoreReport(summary, coverage, tests, byMessage, attribution, concat(notes, List.of(note)));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
