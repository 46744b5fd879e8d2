package org.mhbench.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table; cells are escaped so that a {@code |} cannot break a row. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    MarkdownTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, ending with a newline. */
    String render() {
        StringBuilder b = new StringBuilder();
        line(b, header);
        b.append('|');
        header.forEach(h -> b.append("---|"));
        b.append('\n');
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(escape(c)).append(" |");
        }
        b.append('\n');
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
