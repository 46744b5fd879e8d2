package org.mhbench.generate.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;

/**
 * One line of the worker protocol. The parent writes {@code load}, {@code complete},
 * {@code render} and {@code shutdown}; the worker answers {@code ready}, {@code result},
 * {@code rendered} and {@code error}. Only the fields of the given type are set.
 *
 * @param type       message type
 * @param id         request id, echoed in the answer (0 for load/ready/shutdown)
 * @param config     for load
 * @param request    for complete
 * @param messages   for render
 * @param info       for ready
 * @param completion for result
 * @param text       for rendered
 * @param kind       for error: a {@link org.mhbench.generate.GenerationException.Kind} name
 * @param message    for error
 * @param fatal      for error: the worker cannot serve further requests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerMessage(String type, long id, ModelConfig config, ChatRequest request, List<ChatMessage> messages,
                            ModelInfo info, Completion completion, String text, String kind, String message,
                            Boolean fatal) {

    /** Every protocol line starts with this, so stray native output on stdout is skipped, not parsed. */
    public static final String PREFIX = "@mhbench-worker-v1 ";

    static WorkerMessage load(ModelConfig config) {
        return new WorkerMessage("load", 0, config, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage complete(long id, ChatRequest request) {
        return new WorkerMessage("complete", id, null, request, null, null, null, null, null, null, null);
    }

    static WorkerMessage render(long id, List<ChatMessage> messages) {
        return new WorkerMessage("render", id, null, null, messages, null, null, null, null, null, null);
    }

    static WorkerMessage shutdown() {
        return new WorkerMessage("shutdown", 0, null, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage ready(ModelInfo info) {
        return new WorkerMessage("ready", 0, null, null, null, info, null, null, null, null, null);
    }

    static WorkerMessage result(long id, Completion completion) {
        return new WorkerMessage("result", id, null, null, null, null, completion, null, null, null, null);
    }

    static WorkerMessage rendered(long id, String text) {
        return new WorkerMessage("rendered", id, null, null, null, null, null, text, null, null, null);
    }

    static WorkerMessage error(long id, String kind, String message, boolean fatal) {
        return new WorkerMessage("error", id, null, null, null, null, null, null, kind, message, fatal);
    }
}
