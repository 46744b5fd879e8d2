package org.mhbench.score.stigma;

import java.util.Objects;
import org.mhbench.stigma.Question;

/**
 * One record read by one parser: where it belongs and what it answered.
 *
 * @param model        model label
 * @param systemPrompt system-prompt label
 * @param judge        how it was read, e.g. {@code parser:strict} or {@code parser:lenient+grammar}
 * @param context      context label
 * @param condition    condition id
 * @param question     the question
 * @param outcome      what came of it
 * @param letter       the parsed letter, or {@code null} unless parsed
 */
public record CodedAnswer(String model, String systemPrompt, String judge, String context, String condition,
                          Question question, Outcome outcome, String letter) {

    /** What a record yielded. */
    public enum Outcome {
        /** no output: the generation failed, or the row had none in an imported source */
        FAILED,
        /** output that names no option */
        UNPARSED,
        /** the scale's "do not know" option */
        DO_NOT_KNOW,
        /** a substantive option */
        ANSWERED
    }

    public CodedAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(outcome, "outcome");
        if ((letter == null) != (outcome == Outcome.FAILED || outcome == Outcome.UNPARSED)) {
            throw new IllegalArgumentException("a letter is present exactly when the answer was parsed");
        }
    }

    /** True when an option letter was read (including "do not know"). */
    public boolean parsed() {
        return letter != null;
    }

    /** True when the answer counts in a rate's denominator: parsed and not "do not know". */
    public boolean valid() {
        return outcome == Outcome.ANSWERED;
    }

    /** True when the answer is valid and one of the question's stigmatizing letters. */
    public boolean stigmatizing() {
        return valid() && question.isStigmatizing(letter);
    }
}
