package org.mhbench.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code mhbench score} writes: {@code summary.csv} rows, {@code coverage.csv} rows,
 * {@code tests.csv} rows, {@code by_message.csv} rows (responses placed inside transcripts: the
 * rate per number of preceding transcript messages; {@link SummaryRow#item()} holds that number),
 * {@code attribution.csv} rows (stigma questions outside the score: share of "likely" answers, next
 * to the human survey), and notes for people (printed, not written): {@code notes} about this scoring
 * (missing verdicts, failures), and {@code details} that explain and stay the same from one score of
 * a run to the next (which human-baseline reading is which, rows of the survey table that match no
 * question, how to add the baseline), which {@code mhbench score} prints once per run folder.
 */
public record ScoreResult(List<SummaryRow> summary, List<CoverageRow> coverage, List<TestRow> tests,
                          List<SummaryRow> byMessage, List<SummaryRow> attribution, List<String> notes,
                          List<String> details) {

    public ScoreResult {
        summary = List.copyOf(summary);
        coverage = List.copyOf(coverage);
        tests = List.copyOf(tests);
        byMessage = List.copyOf(byMessage);
        attribution = List.copyOf(attribution);
        notes = List.copyOf(notes);
        details = List.copyOf(details);
    }

    /** A report without details. */
    public ScoreResult(List<SummaryRow> summary, List<CoverageRow> coverage, List<TestRow> tests,
                       List<SummaryRow> byMessage, List<SummaryRow> attribution, List<String> notes) {
        this(summary, coverage, tests, byMessage, attribution, notes, List.of());
    }

    /** A report with only the three main tables. */
    public ScoreResult(List<SummaryRow> summary, List<CoverageRow> coverage, List<TestRow> tests,
                       List<String> notes) {
        this(summary, coverage, tests, List.of(), List.of(), notes);
    }

    public static ScoreResult empty() {
        return new ScoreResult(List.of(), List.of(), List.of(), List.of());
    }

    /** This report followed by {@code other}. */
    public ScoreResult plus(ScoreResult other) {
        return new ScoreResult(concat(summary, other.summary), concat(coverage, other.coverage),
                concat(tests, other.tests), concat(byMessage, other.byMessage),
                concat(attribution, other.attribution), concat(notes, other.notes), concat(details, other.details));
    }

    /** This report with one more note. */
    public ScoreResult withNote(String note) {
        return new ScoreResult(summary, coverage, tests, byMessage, attribution, concat(notes, List.of(note)),
                details);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
