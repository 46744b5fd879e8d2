package org.mhbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table cell as both reports show it: text in parts, each part with the CSS class the HTML report
 * wraps it in (a {@code <span class>}; {@code null}: plain text). The Markdown report shows {@link #text()},
 * the HTML report the same text with the parts' classes, so the two never disagree on a number.
 *
 * @param parts the cell's text, in order
 */
public record Cell(List<Part> parts) {

    /** A piece of a cell's text, and the CSS class the HTML report gives it ({@code null}: none). */
    public record Part(String text, String cssClass) {
    }

    public Cell {
        parts = List.copyOf(parts);
    }

    /** A cell of plain text. */
    public static Cell plain(String text) {
        return new Cell(List.of(new Part(text, null)));
    }

    /** The cell's text: its parts joined. */
    public String text() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    /** Builds a cell part by part. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        Builder add(String text, String cssClass) {
            parts.add(new Part(text, cssClass));
            return this;
        }

        Builder plain(String text) {
            return add(text, null);
        }

        Cell build() {
            return new Cell(parts);
        }
    }
}
