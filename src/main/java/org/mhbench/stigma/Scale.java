package org.mhbench.stigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer scale: the option texts in their fixed order, labelled A, B, C, … (never shuffled, as in
 * the paper), and which letter, if any, means "do not know".
 *
 * @param id        scale id, e.g. {@code likelihood}
 * @param options   option texts; option {@code i} has letter {@code 'A' + i}; 2 to 26 options
 * @param doNotKnow letter of the "do not know" option, or {@code null} when the scale has none
 */
public record Scale(String id, List<String> options, String doNotKnow) {

    public Scale {
        Objects.requireNonNull(id, "id");
        options = List.copyOf(options);
        if (options.size() < 2 || options.size() > 26) {
            throw new IllegalArgumentException("scale " + id + ": needs 2 to 26 options, has " + options.size());
        }
        if (doNotKnow != null && indexOf(doNotKnow, options.size()) < 0) {
            throw new IllegalArgumentException("scale " + id + ": do-not-know letter " + doNotKnow
                    + " is not one of its letters " + letters(options.size()));
        }
    }

    /** The letters A, B, … of the first {@code n} options. */
    public static List<String> letters(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf((char) ('A' + i)));
        }
        return out;
    }

    /** This scale's letters, in order. */
    public List<String> letters() {
        return letters(options.size());
    }

    /** The letter of option {@code index} (0-based). */
    public String letter(int index) {
        Objects.checkIndex(index, options.size());
        return String.valueOf((char) ('A' + index));
    }

    /** The option text of {@code letter}, if it is one of this scale's letters. */
    public Optional<String> option(String letter) {
        int i = indexOf(letter, options.size());
        return i < 0 ? Optional.empty() : Optional.of(options.get(i));
    }

    /** True when {@code letter} is this scale's "do not know" letter. */
    public boolean isDoNotKnow(String letter) {
        return doNotKnow != null && doNotKnow.equals(letter);
    }

    private static int indexOf(String letter, int n) {
        if (letter == null || letter.length() != 1) {
            return -1;
        }
        int i = letter.charAt(0) - 'A';
        return i >= 0 && i < n ? i : -1;
    }
}
