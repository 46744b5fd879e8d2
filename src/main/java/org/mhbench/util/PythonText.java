package org.mhbench.util;

/**
 * Python's idea of whitespace, for reproducing {@code str.strip()} exactly: Java's
 * {@link String#strip()} differs on a few characters (e.g. U+00A0, U+202F, U+0085 are whitespace to
 * Python but not to {@link Character#isWhitespace}).
 */
public final class PythonText {

    private PythonText() {
    }

    /** True for the characters Python's {@code str.isspace()} accepts. */
    public static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\u000C', '\r', '\u001C', '\u001D', '\u001E', '\u001F', ' ', '\u0085',
                 '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** {@code s.strip()} in Python. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
