package org.mhbench.stimuli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mhbench.util.PythonText;

/**
 * The paper's parsing rule, exactly ({@code modelendpoints.get_option} + {@code find_answer},
 * paper-methods §1.5): strip surrounding whitespace (Python's {@code str.strip()} set); delete every
 * {@code ▁ ( ) : .}; split on the space character only and take the first piece; upper-case it; it
 * must equal one of the first N letters.
 *
 * <p>So "C", "(C)", "C: …" and "  C. Somewhat likely" parse; "**C**", "Answer: C", "Based on…" and
 * "D\nThe…" (no space before the newline) do not; and a sentence starting with the article "A "
 * parses as option A (a false positive the paper's numbers include). This is the default parser
 * and the one that reproduces the paper.
 */
public final class StrictParser implements AnswerParser {

    public static final String ID = "strict";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> parse(String output, List<String> options) {
        if (output == null) {
            return Optional.empty();
        }
        String token = firstToken(output).toUpperCase(Locale.ROOT);
        // One of the first N letters A, B, …
        boolean valid = token.length() == 1 && token.charAt(0) >= 'A' && token.charAt(0) < 'A' + options.size();
        return valid ? Optional.of(token) : Optional.empty();
    }

    /** The first space-separated piece after stripping and deleting {@code ▁():.} (before upper-casing). */
    static String firstToken(String output) {
        String s = PythonText.strip(output);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\u2581' && c != '(' && c != ')' && c != ':' && c != '.') {
                b.append(c);
            }
        }
        String cleaned = b.toString();
        int space = cleaned.indexOf(' ');
        return space < 0 ? cleaned : cleaned.substring(0, space);
    }
}
