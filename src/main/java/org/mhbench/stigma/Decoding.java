package org.mhbench.stigma;

import java.util.Locale;

/**
 * How answers are decoded. {@link #FREE} is what the paper did; {@link #GRAMMAR} constrains the
 * output to one option letter with a GBNF grammar, a variant that is reported separately because it
 * removes the formatting failures the paper's numbers include.
 */
public enum Decoding {
    /** unconstrained text, parsed afterwards (the paper's method) */
    FREE(""),
    /** output constrained to exactly one option letter */
    GRAMMAR("+grammar");

    private final String settingSuffix;

    Decoding(String settingSuffix) {
        this.settingSuffix = settingSuffix;
    }

    /** Appended to the prompt setting so constrained and free items never share a record key. */
    public String settingSuffix() {
        return settingSuffix;
    }

    /** The value of the records' {@code decoding} attribute: {@code free} or {@code grammar}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an {@link #attribute()} value; {@code null} (records without the attribute) means FREE. */
    public static Decoding fromAttribute(String value) {
        if (value == null) {
            return FREE;
        }
        for (Decoding d : values()) {
            if (d.attribute().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown decoding '" + value + "' (expected free or grammar)");
    }

    /** A GBNF grammar accepting exactly one of the first {@code n} letters, e.g. {@code root ::= [A-E]}. */
    public static String letterGrammar(int n) {
        if (n < 1 || n > 26) {
            throw new IllegalArgumentException("n must be 1..26, got " + n);
        }
        return "root ::= [A-" + (char) ('A' + n - 1) + "]";
    }
}
