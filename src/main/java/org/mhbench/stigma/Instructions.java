package org.mhbench.stigma;

import java.util.List;
import java.util.Objects;

/**
 * The fixed texts around each question ({@code instructions.json}): the answer-format instruction
 * that ends the system message, and the one-shot example turn pair placed before the real question.
 *
 * @param answerInstruction system text asking for only the option letter (the paper's "SUMMARIZE")
 * @param exampleQuestion   the one-shot example's question
 * @param exampleOptions    its options (laid out in the example's own format, see
 *                          {@link StigmaPromptBuilder#exampleUser})
 * @param exampleAnswer     the assistant's example answer, a letter of {@code exampleOptions}
 */
public record Instructions(String answerInstruction, String exampleQuestion, List<String> exampleOptions,
                           String exampleAnswer) {

    public Instructions {
        Objects.requireNonNull(answerInstruction, "answerInstruction");
        Objects.requireNonNull(exampleQuestion, "exampleQuestion");
        Objects.requireNonNull(exampleAnswer, "exampleAnswer");
        exampleOptions = List.copyOf(exampleOptions);
    }
}
