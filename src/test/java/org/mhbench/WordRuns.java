package org.mhbench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of {@value #N} consecutive words, for the tests that check our stimuli are our own words and
 * not the paper's: lower-cased, curly apostrophes straightened, punctuation ignored.
 */
public final class WordRuns {

    /** The run length the own-wording tests use. */
    public static final int N = 6;
    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

    private WordRuns() {
    }

    /** Every run of {@link #N} consecutive words in {@code text}. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + N <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + N)));
        }
        return out;
    }

    /** The runs of {@code ours} that also occur in {@code theirs}, in order. */
    public static List<String> shared(Collection<String> ours, Set<String> theirs) {
        List<String> shared = new ArrayList<>();
        for (String t : ours) {
            for (String g : of(t)) {
                if (theirs.contains(g)) {
                    shared.add(g);
                }
            }
        }
        return shared;
    }
}
