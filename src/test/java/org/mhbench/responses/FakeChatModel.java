package org.mhbench.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelInfo;

/** A deterministic stand-in for a model: answers with a function of the request and remembers every request. */
public final class FakeChatModel implements ChatModel {

    /** What the fake answers; throwing a GenerationException simulates a failed request. */
    @FunctionalInterface
    public interface Answer {
        String apply(ChatRequest request) throws GenerationException;
    }

    public final List<ChatRequest> requests = new ArrayList<>();
    private final Answer answer;
    private final String label;
    private List<org.mhbench.generate.TokenLogprob> logprobs;

    /** Reports these token probabilities with every answer (as a llama-server would). */
    public FakeChatModel withLogprobs(List<org.mhbench.generate.TokenLogprob> steps) {
        this.logprobs = steps;
        return this;
    }

    @Override
    public boolean reportsLogprobs() {
        return logprobs != null;
    }

    public FakeChatModel(String label, Answer answer) {
        this.label = label;
        this.answer = answer;
    }

    /** Always answers {@code text}. */
    public static FakeChatModel constant(String label, String text) {
        return new FakeChatModel(label, r -> text);
    }

    public static FakeChatModel of(String label, Function<ChatRequest, String> f) {
        return new FakeChatModel(label, f::apply);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(label, "/models/" + label + ".gguf", "ab".repeat(32), 1, "llama", label, 1, "F16", 2048,
                2048, 1, 1, 0, "gguf", "jinja", "chatml", false, "fake", null, 0);
    }

    @Override
    public synchronized Completion complete(ChatRequest request) throws GenerationException {
        requests.add(request);
        return new Completion(answer.apply(request), 10, 2, Completion.FinishReason.STOP, 1, 1,
                request.topLogprobs() > 0 && logprobs != null ? logprobs : List.of(), null);
    }

    @Override
    public String render(List<ChatMessage> messages) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
