package org.mhbench.stimuli;

import java.util.List;
import java.util.Optional;

/**
 * Turns a model's raw answer into an option letter. Implementations are pure functions.
 */
public interface AnswerParser {

    /** Short id used in labels and on the command line: {@code strict} or {@code lenient}. */
    String id();

    /**
     * The option letter the text answers with, or empty when it does not name exactly one option.
     *
     * @param output  the model's raw output (may be {@code null}: then empty)
     * @param options the question's option texts; option {@code i} has letter {@code 'A' + i}
     */
    Optional<String> parse(String output, List<String> options);

}
