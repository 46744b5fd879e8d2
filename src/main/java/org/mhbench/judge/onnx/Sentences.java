package org.mhbench.judge.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a reply into the sentences the judge scores one by one. Deliberately simple and
 * deterministic (it is part of the judge's definition): a break after {@code . ! ?} (and any closing
 * quotes or brackets) followed by white space, and at every line break; pieces without a letter or
 * digit (list bullets, stray markup) are dropped. A reply with no such piece is one sentence.
 */
public final class Sentences {

    private static final Pattern BREAK = Pattern.compile("(?<=[.!?])[\"')\\]\u201d\u2019]*\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String part : BREAK.split(text)) {
            String s = part.strip();
            if (!s.isEmpty() && WORD.matcher(s).find()) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            out.add(text.strip());
        }
        return out;
    }
}
