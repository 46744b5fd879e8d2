package org.mhbench.stigma;

import java.util.List;
import java.util.Objects;

/**
 * One condition's vignette template (one line of {@code vignettes.jsonl}), to be expanded over the
 * demographic {@link Factors}.
 *
 * @param condition condition id, e.g. {@code schizophrenia}; {@code overall} is reserved
 * @param code      short code used in vignette ids, e.g. {@code scz}
 * @param control   true for the control condition (the paper's "daily troubles"); the "overall"
 *                  score pools every condition that is not a control
 * @param aliases   other names for the condition in external files (the paper's data, the GSS
 *                  table), compared after {@link Factors#normalize(String) normalizing}
 * @param template  the text with placeholders (see {@link VignetteExpander})
 */
public record ConditionTemplate(String condition, String code, boolean control, List<String> aliases,
                                String template) {

    public ConditionTemplate {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(template, "template");
        aliases = List.copyOf(aliases);
    }

    /** True when {@code name} (e.g. "daily troubles" or "alcohol dependence") names this condition. */
    public boolean isNamed(String name) {
        String n = Factors.normalize(name);
        if (Factors.normalize(condition).equals(n)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> Factors.normalize(a).equals(n));
    }
}
