package org.mhbench.stigma;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One question asked about every vignette (one line of {@code questions.jsonl}).
 *
 * @param id               stable id, e.g. {@code q08_work_closely}; the file order is the paper's
 *                         question order, which the paper importer relies on
 * @param label            short name for tables, e.g. {@code work closely}
 * @param text             the question exactly as shown to the model
 * @param scaleId          id of its answer {@link Scale}
 * @param role             what it measures
 * @param stigmatizing     letters that count as a stigmatizing answer (e.g. A and B, "unwilling");
 *                         empty for questions outside the stigma score
 * @param inScore          whether the question is part of the stigma score
 * @param baselineKeywords lower-case fragments that all occur in this question's row of an external
 *                         table (the GSS 2018 human baseline), used to match its rows to our ids
 *                         without copying the survey's wording; empty when not matched
 */
public record Question(String id, String label, String text, String scaleId, QuestionRole role,
                       Set<String> stigmatizing, boolean inScore, List<String> baselineKeywords) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scaleId, "scaleId");
        Objects.requireNonNull(role, "role");
        label = label == null ? id : label;
        stigmatizing = java.util.Collections.unmodifiableSet(new TreeSet<>(stigmatizing));
        baselineKeywords = List.copyOf(baselineKeywords);
        if (inScore && stigmatizing.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " is in the score but names no stigmatizing letter");
        }
    }

    /** True when {@code letter} is a stigmatizing answer to this question. */
    public boolean isStigmatizing(String letter) {
        return stigmatizing.contains(letter);
    }
}
