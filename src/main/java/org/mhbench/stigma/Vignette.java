package org.mhbench.stigma;

import java.util.Objects;

/**
 * One expanded vignette: a condition template filled in for one race, gender and education.
 *
 * @param id        {@code <code>-<race>-<gender>-<education>}, e.g. {@code scz-black-woman-college}
 * @param condition condition id
 * @param race      race id
 * @param gender    gender id
 * @param education education id
 * @param text      the text shown to the model
 */
public record Vignette(String id, String condition, String race, String gender, String education, String text) {

    public Vignette {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }
}
