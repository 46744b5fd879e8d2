package org.mhbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInput;
import org.mhbench.stimuli.Prompt;

/**
 * Measures a model on a backend the way llama-bench does (prompt processing and generation, tokens/s,
 * mean ± sd over repetitions after a warm-up), then what mhbench's own loops do with it: aggregate
 * generation with parallel slots, stigma and responses items/s on the real prompt mix, and judge items/s.
 * Each thread count and slot count gets a freshly started model.
 */
public final class Bench {

    /**
     * What to measure.
     *
     * @param model        the GGUF
     * @param threads      thread counts, one model start each
     * @param promptTokens pp test size
     * @param genTokens    tg test size
     * @param repetitions  measured repetitions (after one warm-up)
     * @param parallel     slot counts for the aggregate generation test (1 = skip unless listed)
     * @param stigma       the stigma prompts to time (first N of the real mix), or empty
     * @param responses    the responses prompts to time, or empty
     */
    public record Plan(Path model, List<Integer> threads, int promptTokens, int genTokens, int repetitions,
                       List<Integer> parallel, List<Prompt> stigma, List<Prompt> responses) {
        public Plan {
            Objects.requireNonNull(model, "model");
            threads = List.copyOf(threads);
            parallel = List.copyOf(parallel);
            stigma = List.copyOf(stigma);
            responses = List.copyOf(responses);
            if (promptTokens < 1 || genTokens < 2 || repetitions < 1) {
                throw new IllegalArgumentException("prompt tokens >= 1, generated tokens >= 2, repetitions >= 1");
            }
        }
    }

    private final Backend backend;
    private final Consumer<String> notes;

    public Bench(Backend backend, Consumer<String> notes) {
        this.backend = backend;
        this.notes = notes;
    }

    /**
     * Runs the plan; {@code judge}, when given, is timed on the replies of the responses test.
     *
     * @return one row per test and setting, in llama-bench's terms
     */
    public List<BenchRow> run(Plan plan, Judge judge) throws GenerationException, IOException, InterruptedException {
        List<BenchRow> rows = new ArrayList<>();
        for (int t : plan.threads()) {
            int ctx = plan.promptTokens() * 2 + plan.genTokens() + 256;
            ModelConfig config = ModelConfig.of(plan.model()).withThreads(t).withContextSize(Math.max(ctx, 2048));
            try (ChatModel m = backend.start(config, null)) {
                notes.accept("threads " + t + ": pp" + plan.promptTokens() + ", tg" + plan.genTokens());
                String filler = Filler.calibrate(m, plan.promptTokens());
                rows.add(pp(m, t, plan, filler));
                rows.add(tg(m, t, plan));
                if (!plan.stigma().isEmpty()) {
                    notes.accept("threads " + t + ": " + plan.stigma().size() + " stigma items");
                    rows.add(items(m, t, "stigma", plan.stigma(), null));
                }
                if (!plan.responses().isEmpty()) {
                    notes.accept("threads " + t + ": " + plan.responses().size() + " responses items");
                    List<JudgeInput> replies = new ArrayList<>();
                    rows.add(items(m, t, "responses", plan.responses(), replies));
                    if (judge != null && !replies.isEmpty()) {
                        rows.add(judge(judge, t, m.info(), replies, plan.repetitions()));
                    }
                }
            }
            for (int slots : plan.parallel()) {
                ModelConfig par = config.withParallelSlots(slots).withContextSize(Math.max(2048,
                        slots * (plan.genTokens() + 128)));
                try (ChatModel m = backend.start(par, null)) {
                    notes.accept("threads " + t + ": " + slots + " parallel slots, tg" + plan.genTokens() + " each");
                    rows.add(parallel(m, t, slots, plan));
                }
            }
        }
        return rows;
    }

    private BenchRow pp(ChatModel m, int threads, Plan plan, String filler) throws GenerationException {
        List<Double> rates = new ArrayList<>();
        int tokens = 0;
        for (int i = 0; i <= plan.repetitions(); i++) {
            // A different first word each time: nothing of the prompt is in the cache.
            Completion c = m.complete(request("r" + i + " " + filler, 1));
            if (i == 0) {
                continue; // warm-up
            }
            tokens = c.promptTokens();
            rates.add(c.promptTokens() / (c.promptMillis() / 1000.0));
        }
        return BenchRow.of(m.info(), backend, "pp" + plan.promptTokens(), threads, tokens, 0, 1, rates);
    }

    private BenchRow tg(ChatModel m, int threads, Plan plan) throws GenerationException {
        List<Double> rates = new ArrayList<>();
        int generated = 0;
        for (int i = 0; i <= plan.repetitions(); i++) {
            Completion c = m.complete(request("Tell me a long story, number " + i + ".", plan.genTokens()));
            if (i == 0 || c.completionTokens() < 2) {
                continue;
            }
            generated = c.completionTokens();
            rates.add(c.tokensPerSecond());
        }
        return BenchRow.of(m.info(), backend, "tg" + plan.genTokens(), threads, 0, generated, 1, rates);
    }

    private BenchRow parallel(ChatModel m, int threads, int slots, Plan plan) throws GenerationException,
            InterruptedException {
        List<Double> rates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        try {
            for (int rep = 0; rep <= plan.repetitions(); rep++) {
                long t0 = System.nanoTime();
                List<Future<Completion>> running = new ArrayList<>();
                for (int s = 0; s < slots; s++) {
                    String text = "Tell me a long story, number " + rep + "-" + s + ".";
                    running.add(pool.submit(() -> m.complete(request(text, plan.genTokens()))));
                }
                long generated = 0;
                for (Future<Completion> f : running) {
                    generated += get(f).completionTokens();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (rep > 0) {
                    rates.add(generated / seconds);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return BenchRow.of(m.info(), backend, "tg" + plan.genTokens() + "x" + slots, threads, 0, plan.genTokens(),
                slots, rates);
    }

    private BenchRow items(ChatModel m, int threads, String test, List<Prompt> prompts, List<JudgeInput> replies)
            throws GenerationException {
        long t0 = System.nanoTime();
        for (Prompt p : prompts) {
            Completion c = m.complete(new ChatRequest(p.messages(), p.sampling()));
            if (replies != null) {
                replies.add(new JudgeInput(p.stimulus() + "#" + replies.size(), p.item(),
                        p.attributes().getOrDefault(org.mhbench.responses.ResponsesExperiment.QUESTION, ""),
                        p.attributes().getOrDefault(org.mhbench.responses.ResponsesExperiment.QUERY, ""),
                        c.text()));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return BenchRow.of(m.info(), backend, test, threads, 0, 0, 1, List.of(prompts.size() / seconds));
    }

    private BenchRow judge(Judge judge, int threads, ModelInfo info, List<JudgeInput> replies, int repetitions) {
        List<JudgeInput> supported = replies.stream().filter(r -> judge.supports(r.criterion())).toList();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i <= repetitions && !supported.isEmpty(); i++) {
            long t0 = System.nanoTime();
            supported.forEach(judge::judge);
            if (i > 0) {
                rates.add(supported.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
        return BenchRow.of(info, backend, "judge:" + judge.info().id(), threads, 0, 0, 1, rates);
    }

    private static ChatRequest request(String user, int maxTokens) {
        return new ChatRequest(List.of(ChatMessage.user(user)), SamplingSettings.greedy(maxTokens, 0));
    }

    private static Completion get(Future<Completion> f) throws GenerationException, InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof GenerationException g) {
                throw g;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
