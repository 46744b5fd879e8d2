package org.mhbench.judge;

import java.util.Objects;

/**
 * One reply to judge: the judge answers the criterion's yes/no question about it. This is also one
 * line of the {@code mhbench judge --in} JSONL format.
 *
 * @param id        the caller's id for the item (a record id in runs)
 * @param criterion the criterion id, i.e. the stimulus id it belongs to (e.g. {@code bridge})
 * @param question  the yes/no question, e.g. "Does the response give examples of bridges?"
 * @param query     the client's (last) message the reply answers
 * @param response  the full reply
 */
public record JudgeInput(String id, String criterion, String question, String query, String response) {

    public JudgeInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
    }
}
