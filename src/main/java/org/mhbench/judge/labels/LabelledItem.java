package org.mhbench.judge.labels;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.mhbench.judge.JudgeInput;

/**
 * One line of a labels file: a judge input plus the right answer to its criterion question. The
 * format of {@code mhbench train-judge --labels} and {@code mhbench validate-judge --labels}:
 *
 * <pre>{"id": "...", "criterion": "bridge", "question": "...", "query": "...", "response": "...",
 *  "label": "yes", "source": "llama3.1-8b"}</pre>
 *
 * @param id        unique within the file
 * @param criterion the criterion (stimulus) id
 * @param question  the criterion's yes/no question
 * @param query     the client's message the reply answers
 * @param response  the full reply
 * @param label     {@code yes} or {@code no}: the answer to the question
 * @param source    optional: where the reply came from (e.g. the model); training's leave-one-out
 *                  evaluation holds out one source at a time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelledItem(@JsonProperty(required = true) String id,
                           @JsonProperty(required = true) String criterion,
                           @JsonProperty(required = true) String question,
                           @JsonProperty(required = true) String query,
                           @JsonProperty(required = true) String response,
                           @JsonProperty(required = true) String label,
                           String source) {

    public LabelledItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(response, "response");
        if (!"yes".equals(label) && !"no".equals(label)) {
            throw new IllegalArgumentException("label must be yes or no, got " + label);
        }
    }

    public boolean yes() {
        return "yes".equals(label);
    }

    public JudgeInput input() {
        return new JudgeInput(id, criterion, question, query, response);
    }
}
