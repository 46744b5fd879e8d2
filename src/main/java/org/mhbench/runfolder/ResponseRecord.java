package org.mhbench.runfolder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Completion;

/**
 * One line of {@code responses.jsonl}: one model's answer to one stimulus in one setting.
 * Exactly one of {@code completion} and {@code failure} is set.
 *
 * @param id           {@link RecordKey#id()}, unique within a run
 * @param experiment   {@code generate}, {@code stigma} or {@code responses}
 * @param model        model label
 * @param modelSha256  hex SHA-256 of the model file
 * @param systemPrompt system-prompt setting: {@code none}, {@code steel-man} or a file's label
 * @param context      {@code none} (the stimulus alone), {@code transcript}, or
 *                     {@code transcript+bridge}
 * @param condition    the stimulus's condition (e.g. {@code depression}), or {@code none}
 * @param stimulus     stimulus id
 * @param item         what is measured: a question id (stigma), the stimulus id (responses)
 * @param sample       sample index
 * @param seed         sampler seed used
 * @param attributes   experiment-specific factors (race, gender, education, message_number, …)
 * @param messages     exactly what was sent
 * @param completion   what came back, with token counts and timings, or {@code null}
 * @param failure      why nothing came back, or {@code null}
 * @param finishedAt   when the item was recorded
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResponseRecord(String id, String experiment, String model, String modelSha256, String systemPrompt,
                             String context, String condition, String stimulus, String item, int sample, long seed,
                             Map<String, String> attributes, List<ChatMessage> messages, Completion completion,
                             Failure failure, Instant finishedAt) {

    public ResponseRecord {
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        messages = messages == null ? List.of() : List.copyOf(messages);
        if ((completion == null) == (failure == null)) {
            throw new IllegalArgumentException("record " + id + ": exactly one of completion and failure must be set");
        }
    }

    /** The generated text, or {@code null} when the item failed. */
    public String output() {
        return completion == null ? null : completion.text();
    }

    public boolean failed() {
        return failure != null;
    }
}
