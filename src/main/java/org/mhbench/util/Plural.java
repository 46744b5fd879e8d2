package org.mhbench.util;

/** Counts for people: {@code 1 verdict}, {@code 2 verdicts}, {@code 0 replies}. */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun, {@code s} added unless {@code n} is 1 ({@code 1 verdict}, {@code 3 verdicts}). */
    public static String of(long n, String singular) {
        return n + " " + noun(n, singular);
    }

    /** {@code n} and the singular or the given plural ({@code 1 reply}, {@code 2 replies}). */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The noun alone, in the number that goes with {@code n}: {@code reply} → {@code replies}, {@code item} → {@code items}. */
    public static String noun(long n, String singular) {
        if (n == 1) {
            return singular;
        }
        if (singular.endsWith("y") && singular.length() > 1 && "aeiou".indexOf(singular.charAt(singular.length() - 2)) < 0) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("ch") || singular.endsWith("sh")) {
            return singular + "es";
        }
        return singular + "s";
    }

    /** The verb that goes with {@code n} things: {@code is}/{@code are}, {@code needs}/{@code need}, {@code was}/{@code were}. */
    public static String verb(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}
