package org.mhbench.judge.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a reply into the sentences the judge scores one by one. Deliberately simple and
 * deterministic (it is part of the judge's definition):
 * <ul>
 *   <li>the text is first {@linkplain #clean cleaned}: emoji and other pictographs and markdown emphasis
 *       ({@code **}, {@code __}, leading {@code #}) are removed;</li>
 *   <li>every line break ends a sentence; within a line, a break comes after {@code . ! ?} (and any
 *       closing quotes or brackets) followed by white space, except after a few abbreviations
 *       ({@code Dr.}, {@code Mr.}, {@code e.g.} …);</li>
 *   <li>a list item's marker ({@code -}, {@code *}, {@code •}, {@code 1.}, {@code 2)}, {@code a.}) is
 *       removed, so that "1." is not a sentence of its own;</li>
 *   <li>a list item that follows a sentence ending in a colon ("Here are some bridges:") is read with it:
 *       its first sentence becomes "Here are some bridges: Brooklyn Bridge", so that a bare list item
 *       keeps what it answers. Items are the marked lines after the colon (blank lines between them
 *       allowed) and unmarked lines right below it; a colon with no item after it stays a sentence;</li>
 *   <li>pieces without a letter or digit are dropped. A reply with no such piece is one sentence.</li>
 * </ul>
 */
public final class Sentences {

    private static final Pattern BREAK = Pattern.compile("(?<=[.!?])[\"')\\]\u201d\u2019]*\\s+");
    private static final Pattern WORD = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MARKER = Pattern.compile("^(?:[-*+\u2022\u2023\u25e6\u2043\u2219\u00b7\u2013\u2014]"
            + "|\\(?\\d{1,3}[.)]|\\(?[a-zA-Z][.)])\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|^#{1,6}\\s+", Pattern.MULTILINE);
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(?:^|\\W)(?:dr|mr|mrs|ms|mt|st|vs|etc|approx|e\\.g|i\\.e|no)\\.$");

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String header = null;
        boolean headerUsed = false;
        boolean blank = false;
        for (String raw : clean(text).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                blank = true;
                continue;
            }
            Matcher m = MARKER.matcher(line);
            boolean marked = m.lookingAt();
            if (marked) {
                line = line.substring(m.end()).strip();
            }
            List<String> pieces = sentences(line);
            boolean item = header != null && (marked || !blank);
            blank = false;
            if (pieces.isEmpty()) {
                continue;
            }
            if (item) {
                pieces.set(0, header + " " + pieces.get(0));
                headerUsed = true;
                out.addAll(pieces);
                continue;
            }
            if (header != null && !headerUsed) {
                out.add(header);
            }
            header = null;
            String last = pieces.get(pieces.size() - 1);
            if (last.endsWith(":")) {
                header = last;
                headerUsed = false;
                pieces.remove(pieces.size() - 1);
            }
            out.addAll(pieces);
        }
        if (header != null && !headerUsed) {
            out.add(header);
        }
        if (out.isEmpty()) {
            out.add(text.strip());
        }
        return out;
    }

    /** The sentences of one line: at sentence punctuation, but not after a known abbreviation. */
    private static List<String> sentences(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = BREAK.matcher(line);
        int start = 0;
        while (m.find()) {
            String before = line.substring(start, m.start());
            if (ABBREVIATION.matcher(before).find()) {
                continue;
            }
            add(out, line.substring(start, m.start() + (m.end() - m.start())));
            start = m.end();
        }
        add(out, line.substring(start));
        return out;
    }

    private static void add(List<String> out, String piece) {
        String s = piece.strip();
        if (!s.isEmpty() && WORD.matcher(s).find()) {
            out.add(s);
        }
    }

    /**
     * The text the judge reads: without emoji and other pictographs (symbols from U+2190 on, variation
     * selectors, joiners, skin tones) and without markdown emphasis; runs of spaces left by removals are
     * collapsed. Line breaks are kept.
     */
    public static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean pictograph = cp >= 0x2190 && (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                    || type == Character.MATH_SYMBOL && cp >= 0x2600);
            boolean invisible = cp == 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff)
                    || (cp >= 0xe0020 && cp <= 0xe007f);
            if (!pictograph && !invisible) {
                sb.appendCodePoint(cp);
            }
        });
        String s = EMPHASIS.matcher(sb).replaceAll("");
        return s.replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]+(?=[.,!?:;])", "").replaceAll("(?m)[ \\t]+$", "");
    }
}
