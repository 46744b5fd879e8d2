package org.mhbench.report.html;

/**
 * Escaping for the HTML report. Every text that comes from a run folder (model labels, file paths,
 * replies, which are untrusted text) goes through {@link #text} or {@link #attr} before it is written,
 * and JSON embedded in a {@code <script>} element through {@link #scriptJson}.
 */
final class Html {

    private Html() {
    }

    /** {@code s} as element content: {@code & < > " '} escaped; {@code null} is empty. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // C0 controls other than tab, newline and carriage return are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@code s} as a double-quoted attribute value (the same escaping as {@link #text}). */
    static String attr(String s) {
        return text(s);
    }

    /**
     * JSON text made safe inside {@code <script type="application/json">}: {@code <}, {@code >} and
     * {@code &} become {@code \u003c}-style escapes, so no reply can close the element ({@code </script>})
     * or open a comment; U+2028 and U+2029 are escaped too. The characters only occur inside JSON
     * strings, where the escapes mean the same thing to {@code JSON.parse}.
     */
    static String scriptJson(String json) {
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An element id or CSS class made of {@code s}: letters, digits and '-' only. */
    static String id(String s) {
        String out = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return out.isEmpty() ? "x" : out;
    }
}
