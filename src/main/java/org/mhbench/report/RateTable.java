package org.mhbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mhbench.score.SummaryRow;

/**
 * A table of rates, computed once from the run's summary rows and rendered twice: as Markdown in
 * {@code report.md} ({@link #text()}) and as HTML in {@code report.html}. A row per model, then per
 * reference (a survey baseline, replies labelled by people); a column per key (a condition, a message
 * number, a system prompt); each cell the summary row it shows, or none, in the one format of both
 * reports ({@link #cell}): {@code 74.8% [69.9, 79.7] n=306}. The HTML report may add to a cell what only
 * it shows (the paper's reference rate, the answered-only reading), keyed by the row's model and the key.
 *
 * @param caption what the table shows, with its units
 * @param header  column names: the row's labels', then the keys'
 * @param keys    the key of each rate column (a condition id, a message number, …)
 * @param rows    the rows, models first, references after
 */
public record RateTable(String caption, List<String> header, List<String> keys, List<Row> rows) {

    /** What a cell counts after its rate. */
    public enum Counts {
        /** {@code n=306}: the valid answers (stigma). */
        VALID,
        /** {@code 229/306}: appropriate of the prompts (responses). */
        APPROPRIATE
    }

    /**
     * One row.
     *
     * @param model     the model (or survey) id as the summary rows have it
     * @param labels    the row's leading cells (the first is the row's header)
     * @param reference whether it is a reference (a survey baseline, people's labels): drawn grey
     * @param rates     per key, the summary row shown, or {@code null}
     * @param cells     the cells: {@code labels}, then one per key
     */
    public record Row(String model, List<String> labels, boolean reference, List<SummaryRow> rates,
                      List<Cell> cells) {

        public Row {
            labels = List.copyOf(labels);
            rates = Collections.unmodifiableList(new ArrayList<>(rates));
            cells = List.copyOf(cells);
        }

        /** The summary row of each key, skipping keys without one. */
        public Map<String, SummaryRow> byKey(List<String> keys) {
            Map<String, SummaryRow> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (rates.get(i) != null) {
                    out.put(keys.get(i), rates.get(i));
                }
            }
            return out;
        }
    }

    public RateTable {
        header = List.copyOf(header);
        keys = List.copyOf(keys);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.cells().size() != header.size() || r.rates().size() != keys.size()) {
                throw new IllegalArgumentException("expected " + header.size() + " cells, got " + r.cells().size());
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as plain text (the Markdown report's table). */
    public TextTable text() {
        return new TextTable(header, rows.stream().map(r -> r.cells().stream().map(Cell::text).toList()).toList());
    }

    /**
     * A row: for each key, the first of {@code rows} whose {@link SummaryRow#model()} is {@code model} and
     * whose {@code keyOf} is the key.
     */
    public static Row row(String model, List<String> labels, boolean reference, List<String> keys,
                          List<SummaryRow> rows, Function<SummaryRow, String> keyOf, Counts counts) {
        Map<String, SummaryRow> byKey = new LinkedHashMap<>();
        rows.stream().filter(r -> r.model().equals(model)).forEach(r -> byKey.putIfAbsent(keyOf.apply(r), r));
        List<SummaryRow> rates = new ArrayList<>();
        List<Cell> cells = new ArrayList<>(labels.stream().map(Cell::plain).toList());
        for (String k : keys) {
            SummaryRow r = byKey.get(k);
            rates.add(r);
            cells.add(cell(r, counts));
        }
        return new Row(model, labels, reference, rates, cells);
    }

    /** A header: {@code labels}, then each key as people read it ({@link Fmt#label}). */
    public static List<String> header(List<String> labels, List<String> keys) {
        List<String> h = new ArrayList<>(labels);
        keys.forEach(k -> h.add(Fmt.label(k)));
        return h;
    }

    /**
     * A rate cell: the rate in percent with one decimal (as the charts show it), its 95% interval where
     * known, then the counts ({@code (survey)} for a row without counts); {@link Fmt#NONE} for no row.
     */
    public static Cell cell(SummaryRow r, Counts counts) {
        if (r == null) {
            return Cell.plain(Fmt.NONE);
        }
        Cell.Builder b = new Cell.Builder();
        if (!Double.isFinite(r.rate())) {
            b.add(Fmt.NONE, "na");
        } else {
            b.add(Fmt.percent(r.rate()), "rate");
            if (Double.isFinite(r.ciLow()) && Double.isFinite(r.ciHigh())) {
                b.plain(" ").add(String.format(Locale.ROOT, "[%.1f, %.1f]", r.ciLow() * 100, r.ciHigh() * 100), "ci");
            }
        }
        String n = r.n() < 0 ? "(survey)" : counts == Counts.VALID ? "n=" + r.n()
                : Fmt.count(r.k()) + "/" + Fmt.count(r.n());
        return b.plain(" ").add(n, "n").build();
    }
}
