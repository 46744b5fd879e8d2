package org.mhbench.stigma;

import java.util.Locale;
import java.util.Optional;

/** What a question measures, following the GSS stigma module the paper adapts. */
public enum QuestionRole {
    /** beliefs about the cause of the situation (mental illness, genes, character, …); not in the stigma score */
    ATTRIBUTION,
    /** willingness to be near the person (work, neighbour, socialise, marry, friend) */
    SOCIAL_DISTANCE,
    /** perceived danger (violence toward others or self) */
    DANGEROUSNESS;

    /** The name used in {@code questions.jsonl}: {@code attribution}, {@code social_distance}, {@code dangerousness}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #fileName()}. */
    public static Optional<QuestionRole> parse(String s) {
        for (QuestionRole r : values()) {
            if (r.fileName().equals(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
