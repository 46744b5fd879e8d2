package org.mhbench.generate;

import org.mhbench.util.PythonText;

/**
 * A rule that ends generation once the answer it looks for cannot change, so that no token is spent on
 * text nobody reads. Named (not a function) because it travels to worker processes.
 */
public enum StopRule {

    /**
     * The first word is decided, as the paper's strict answer rule reads it (strip the text, delete
     * {@code ▁ ( ) : .}, take the piece before the first space, upper-case, one letter): after leading
     * whitespace, a space has followed a piece without other whitespace in it; or the piece already holds
     * two characters that stay; or whitespace inside the piece has been followed by anything. The strict
     * verdict of the shortened text then equals that of the whole (a property test checks it).
     */
    FIRST_WORD;

    /** True when generation may stop after {@code text}. */
    public boolean decided(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && PythonText.isSpace(text.charAt(i))) {
            i++;
        }
        int kept = 0;
        boolean whitespaceInPiece = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (!whitespaceInPiece) {
                    return true; // the piece before this space is the answer, whatever follows
                }
                // The piece ends in other whitespace ("C\n "): stripped away if nothing follows, part of the
                // piece (which is then no answer) if anything does.
                for (int j = i + 1; j < n; j++) {
                    if (!PythonText.isSpace(text.charAt(j))) {
                        return true;
                    }
                }
                return false;
            }
            if (PythonText.isSpace(c)) {
                whitespaceInPiece = true;
            } else if (whitespaceInPiece) {
                return true; // whitespace inside the piece: it can never be a single letter
            } else if (c != '\u2581' && c != '(' && c != ')' && c != ':' && c != '.') {
                kept++;
                if (kept >= 2) {
                    return true; // two characters that stay: never a single letter
                }
            }
        }
        return false;
    }
}
