package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.mhbench.report.RateTable;

/**
 * An HTML table with real markup: a {@code <caption>}, a {@code <thead>} of column headers
 * ({@code scope="col"}) and rows whose first cell is a row header ({@code scope="row"}). Cells are
 * HTML fragments the caller has escaped ({@link Html#text}); {@link #row} escapes plain strings itself.
 */
final class Table {

    private final String caption;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();
    private String cssClass = "data";

    /**
     * @param caption what the table shows (plain text), or {@code null} for none
     * @param header  column names (plain text)
     */
    Table(String caption, List<String> header) {
        this.caption = caption;
        this.header = List.copyOf(header);
    }

    /** A table of {@code rows} (plain text, escaped here). */
    static Table of(String caption, org.mhbench.report.TextTable rows) {
        Table t = new Table(caption, rows.header());
        rows.rows().forEach(t::row);
        return t;
    }

    /**
     * A table of rates (both reports' table): its caption, header and cells, a reference row in class
     * {@code reference}; {@code extra} gives HTML to add after a row's rate cell (by key index), or {@code ""}.
     */
    static Table of(RateTable rates, BiFunction<RateTable.Row, Integer, String> extra) {
        Table t = new Table(rates.caption(), rates.header());
        for (RateTable.Row r : rates.rows()) {
            int labels = r.labels().size();
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.cells().size(); i++) {
                cells.add(Cells.html(r.cells().get(i)) + (i < labels ? "" : extra.apply(r, i - labels)));
            }
            t.rawRow(cells, r.reference() ? "reference" : null);
        }
        return t;
    }

    /** A table of rates with nothing added ({@link #of(RateTable, BiFunction)}). */
    static Table of(RateTable rates) {
        return of(rates, (r, i) -> "");
    }

    /** Adds a CSS class to the table element. */
    Table cssClass(String c) {
        this.cssClass = "data " + c;
        return this;
    }

    /** A row of plain strings (escaped here). */
    Table row(List<String> cells) {
        return rawRow(cells.stream().map(Html::text).toList(), null);
    }

    /** A row of HTML fragments (already escaped), with an optional CSS class. */
    Table rawRow(List<String> cells, String rowClass) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        rowClasses.add(rowClass);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, wrapped in a horizontally scrolling box so a wide table never widens the page. */
    String render() {
        StringBuilder b = new StringBuilder("<div class=\"table-wrap\"><table class=\"").append(cssClass).append("\">");
        if (caption != null) {
            b.append("<caption>").append(Html.text(caption)).append("</caption>");
        }
        b.append("<thead><tr>");
        for (String h : header) {
            b.append("<th scope=\"col\">").append(Html.text(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            String rc = rowClasses.get(i);
            b.append(rc == null ? "<tr>" : "<tr class=\"" + Html.attr(rc) + "\">");
            List<String> r = rows.get(i);
            for (int j = 0; j < r.size(); j++) {
                b.append(j == 0 ? "<th scope=\"row\">" : "<td>").append(r.get(j)).append(j == 0 ? "</th>" : "</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table></div>\n").toString();
    }
}
