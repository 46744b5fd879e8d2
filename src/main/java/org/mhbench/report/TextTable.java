package org.mhbench.report;

import java.util.List;

/**
 * A table's content, computed once from the run's files and rendered twice: as Markdown in
 * {@code report.md} ({@link #markdown()}) and as HTML in {@code report.html}. Cells are plain text.
 *
 * @param header column names
 * @param rows   rows, each as wide as the header
 */
public record TextTable(List<String> header, List<List<String>> rows) {

    public TextTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("expected " + header.size() + " cells, got " + r.size());
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table in Markdown, ending with a newline. */
    String markdown() {
        MarkdownTable t = new MarkdownTable(header);
        rows.forEach(t::row);
        return t.render();
    }
}
