package org.mhbench.stigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhbench.stimuli.AnswerParser;
import org.mhbench.util.PythonText;

/**
 * A forgiving parser for models that answer in other formats. Not the paper's rule: its rows are
 * always labelled {@code parser:lenient}. It returns a letter only when the answer is unambiguous,
 * in three steps:
 * <ol>
 *   <li><b>Clean</b>: remove Markdown marks ({@code * _ ` #}) and quotes, strip whitespace, and drop
 *       a leading label such as "Answer:", "The answer is", "Option", "My choice:".</li>
 *   <li><b>Leading letter</b>: the text starts with one option letter, bare or in brackets
 *       ({@code C}, {@code (c)}, {@code [B]}). It counts when it is the whole answer or is
 *       bracketed, or, for a capital letter, when it is followed by {@code . : ) ]} (not as in
 *       "E.g."), a line break, or that option's own text ("B Probably unwilling"). A letter
 *       followed by an ordinary word, as in "A sentence…", does not count (the strict rule's false
 *       positive), nor does a lower-case letter followed by anything. If the rest of the answer names a different
 *       option by its text ("C: Very likely"), the answer is ambiguous: empty.</li>
 *   <li><b>Anywhere</b>: otherwise, the letters named anywhere by option text ("Somewhat likely",
 *       matched case-insensitively as whole words; a text inside a longer one, like "very likely"
 *       inside "not very likely", counts once, as the longer) or by an explicit label
 *       ("(C)", "option C", "answer is C"). Exactly one distinct letter: that letter; none or
 *       several: empty.</li>
 * </ol>
 */
public final class LenientParser implements AnswerParser {

    public static final String ID = "lenient";

    private static final Pattern MARKUP = Pattern.compile("[*_`#\"“”‘’]");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:the|my|final)\\s+)*(?:answer|option|choice|response|letter)\\b(?:\\s+is\\b)?\\s*[:\\-]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING = Pattern.compile("^([(\\[])?([A-Za-z])([)\\]])?(?=$|[\\s.:,;)\\]\\-])");
    private static final Pattern EXPLICIT = Pattern.compile(
            "\\(([A-Za-z])\\)|\\b(?i:answer|option|choice|letter)\\s*(?i:is\\s*)?:?\\s*\\(?([A-Z])\\b");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> parse(String output, List<String> options) {
        if (output == null) {
            return Optional.empty();
        }
        List<String> letters = Scale.letters(options.size());
        String text = clean(output);
        Matcher lead = LEADING.matcher(text);
        if (lead.find()) {
            String letter = lead.group(2).toUpperCase(Locale.ROOT);
            if (letters.contains(letter)) {
                Optional<Verdict> v = leading(letter, lead, text, options);
                if (v.isPresent()) {
                    return v.get().letter();
                }
            }
        }
        Set<String> named = new TreeSet<>(optionTextLetters(text, options));
        Matcher m = EXPLICIT.matcher(text);
        while (m.find()) {
            String l = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
            if (letters.contains(l)) {
                named.add(l);
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /** A decision from the leading-letter step; {@code letter} empty means "ambiguous, stop". */
    private record Verdict(Optional<String> letter) {
    }

    private static Optional<Verdict> leading(String letter, Matcher lead, String text, List<String> options) {
        boolean bracketed = lead.group(1) != null || lead.group(3) != null;
        String rest = text.substring(lead.end());
        String restTrimmed = rest.replaceFirst("^[\\s.:,;)\\]\\-]+", "");
        boolean delimited = rest.startsWith("\n") || rest.startsWith("\r")
                || (!rest.isEmpty() && ".:)]".indexOf(rest.charAt(0)) >= 0
                    && !(rest.length() > 1 && Character.isLetter(rest.charAt(1))));
        boolean restIsOwnOption = restTrimmed.toLowerCase(Locale.ROOT)
                .startsWith(options.get(letter.charAt(0) - 'A').toLowerCase(Locale.ROOT));
        boolean lone = restTrimmed.isEmpty();
        boolean upper = Character.isUpperCase(lead.group(2).charAt(0));
        if (!(bracketed || lone || (upper && (delimited || restIsOwnOption)))) {
            return Optional.empty();
        }
        List<String> others = optionTextLetters(restTrimmed, options);
        if (others.stream().anyMatch(o -> !o.equals(letter))) {
            return Optional.of(new Verdict(Optional.empty()));
        }
        return Optional.of(new Verdict(Optional.of(letter)));
    }

    private static String clean(String output) {
        String s = PythonText.strip(MARKUP.matcher(output).replaceAll(""));
        s = LABEL.matcher(s).replaceFirst("");
        return PythonText.strip(s);
    }

    /**
     * Letters whose option text occurs in {@code text} as whole words (case-insensitive), after
     * discarding occurrences that lie inside a longer occurrence of another option's text.
     */
    static List<String> optionTextLetters(String text, List<String> options) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(options.get(i).toLowerCase(Locale.ROOT))
                    + "(?![\\p{L}\\p{N}])");
            Matcher m = p.matcher(lower);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end(), i});
            }
        }
        List<String> out = new ArrayList<>();
        for (int[] s : spans) {
            boolean inside = spans.stream().anyMatch(o -> o != s && o[0] <= s[0] && o[1] >= s[1]
                    && (o[1] - o[0]) > (s[1] - s[0]));
            if (!inside) {
                out.add(String.valueOf((char) ('A' + s[2])));
            }
        }
        return out;
    }
}
