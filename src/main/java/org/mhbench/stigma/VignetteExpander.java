package org.mhbench.stigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a condition template for one race × gender × education.
 *
 * <p>Placeholders are written in braces: {@code {name}}, {@code {a}} (the race's article, "a" or
 * "an"), {@code {race}}, {@code {gender}}, {@code {education}}, and the pronouns {@code {they}},
 * {@code {them}}, {@code {their}}, {@code {themself}} (he/him/his/himself or she/her/her/herself;
 * verbs are written to agree with he/she). A placeholder starting with a capital letter
 * ({@code {They}}) is filled with a capitalized value. Any other text in braces is an error, so a
 * typo cannot reach a model.
 */
public final class VignetteExpander {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> FIXED = Set.of("name", "a", "race", "gender", "education");

    private VignetteExpander() {
    }

    /** Every placeholder name known to templates (lower-case forms). */
    public static Set<String> known() {
        Set<String> all = new java.util.TreeSet<>(FIXED);
        all.addAll(Factors.PRONOUNS);
        return all;
    }

    /** The first problem with {@code template}'s placeholders, or empty when it is well formed. */
    public static Optional<String> problem(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String key = m.group(1);
            if (!known().contains(lower(key))) {
                return Optional.of("unknown placeholder {" + key + "}; known: " + known().stream()
                        .map(k -> "{" + k + "}").toList());
            }
        }
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            return Optional.of("unbalanced brace: write placeholders as {name}");
        }
        return Optional.empty();
    }

    /** The vignette id for these factor levels. */
    public static String id(ConditionTemplate t, Factors.Race r, Factors.Gender g, Factors.Education e) {
        return t.code() + "-" + r.id() + "-" + g.id() + "-" + e.id();
    }

    /** Expands {@code t} for one combination of factor levels. */
    public static Vignette expand(ConditionTemplate t, Factors.Race r, Factors.Gender g, Factors.Education e) {
        Map<String, String> values = new HashMap<>(g.pronouns());
        values.put("name", r.names().get(g.id()));
        values.put("a", r.article());
        values.put("race", r.text());
        values.put("gender", g.text());
        values.put("education", e.text());
        Matcher m = PLACEHOLDER.matcher(t.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(lower(key));
            if (value == null) {
                throw new IllegalArgumentException("template " + t.condition() + ": no value for {" + key + "}");
            }
            if (Character.isUpperCase(key.charAt(0)) && !value.isEmpty()) {
                value = Character.toUpperCase(value.charAt(0)) + value.substring(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Vignette(id(t, r, g, e), t.condition(), r.id(), g.id(), e.id(), out.toString());
    }

    /** All vignettes: conditions × races × genders × educations, in that nesting order. */
    public static List<Vignette> expandAll(List<ConditionTemplate> templates, Factors f) {
        List<Vignette> out = new ArrayList<>();
        for (ConditionTemplate t : templates) {
            for (Factors.Race r : f.races()) {
                for (Factors.Gender g : f.genders()) {
                    for (Factors.Education e : f.educations()) {
                        out.add(expand(t, r, g, e));
                    }
                }
            }
        }
        return out;
    }

    private static String lower(String key) {
        return key.isEmpty() ? key : Character.toLowerCase(key.charAt(0)) + key.substring(1);
    }
}
