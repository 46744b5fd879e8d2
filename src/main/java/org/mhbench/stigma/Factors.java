package org.mhbench.stigma;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demographic factors crossed with every condition template ({@code factors.json}): race (which
 * also fixes the name per gender), gender (which fixes the pronouns) and education.
 *
 * @param races      races in expansion order
 * @param genders    genders in expansion order
 * @param educations education levels in expansion order
 */
public record Factors(List<Race> races, List<Gender> genders, List<Education> educations) {

    /** The pronoun keys every gender must define, in the template's "they" form. */
    public static final List<String> PRONOUNS = List.of("they", "them", "their", "themself");

    public Factors {
        races = List.copyOf(races);
        genders = List.copyOf(genders);
        educations = List.copyOf(educations);
    }

    /**
     * @param id      id used in vignette ids, e.g. {@code black}
     * @param text    as written in the vignette, e.g. {@code African American}
     * @param article the indefinite article before {@code text} ("a" or "an")
     * @param names   first name per gender id
     */
    public record Race(String id, String text, String article, Map<String, String> names) {
        public Race {
            Objects.requireNonNull(id, "id");
            names = Map.copyOf(names);
        }
    }

    /**
     * @param id       id used in vignette ids, e.g. {@code woman}
     * @param text     as written in the vignette
     * @param pronouns {@link #PRONOUNS} key → pronoun, e.g. they → she, themself → herself
     */
    public record Gender(String id, String text, Map<String, String> pronouns) {
        public Gender {
            Objects.requireNonNull(id, "id");
            pronouns = Map.copyOf(pronouns);
        }
    }

    /**
     * @param id   id used in vignette ids, e.g. {@code grade8}
     * @param text as written in the vignette, e.g. {@code 8th grade}
     */
    public record Education(String id, String text) {
        public Education {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The race whose id or text is {@code name} (normalized comparison). */
    public Optional<Race> race(String name) {
        String n = normalize(name);
        return races.stream().filter(r -> normalize(r.id()).equals(n) || normalize(r.text()).equals(n)).findFirst();
    }

    /** The gender whose id or text is {@code name}. */
    public Optional<Gender> gender(String name) {
        String n = normalize(name);
        return genders.stream().filter(g -> normalize(g.id()).equals(n) || normalize(g.text()).equals(n)).findFirst();
    }

    /** The education level whose id or text is {@code name}. */
    public Optional<Education> education(String name) {
        String n = normalize(name);
        return educations.stream().filter(e -> normalize(e.id()).equals(n) || normalize(e.text()).equals(n))
                .findFirst();
    }

    /** Lower case, with runs of spaces, hyphens and underscores made one underscore; for matching names. */
    public static String normalize(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "_");
    }
}
