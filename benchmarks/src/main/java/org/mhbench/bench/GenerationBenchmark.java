package org.mhbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.llamacpp.LlamaCppChatModel;
import org.mhbench.generate.server.LlamaServerBinary;
import org.mhbench.generate.server.LlamaServerChatModel;
import org.mhbench.testmodel.TestModelSize;
import org.mhbench.testmodel.TestModelWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generation loop: one chat request through a backend, as each experiment item is served: the
 * in-process llama.cpp binding ({@code backend=jni}, as inside a worker) or a llama-server child
 * process ({@code backend=server}, found as mhbench finds it; build it with scripts/build-llama.sh).
 *
 * <p>Two shapes, after llama-bench's {@code pp} and {@code tg}: a stigma-like item (about 300
 * prompt tokens, 10 generated: prompt processing dominates) and a responses-like item (a short
 * prompt, 64 generated: token generation dominates). Random-weight test models: the numbers
 * measure llama.cpp and our loop on this CPU, never a real model's quality.
 *
 * <p>The binding cannot unload a model, so the model is loaded once per trial
 * ({@code @Setup(Level.Trial)}) and every parameter combination runs in its own fork. Prompt
 * caching is defeated by varying the first character of each prompt.
 *
 * <p>Run: {@code scripts/bench.sh GenerationBenchmark}, or with {@code -p size=medium -p threads=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GenerationBenchmark {

    @Param({"tiny", "medium"})
    public String size;

    @Param({"1", "2"})
    public int threads;

    @Param({"jni", "server"})
    public String backend;

    private ChatModel model;
    private Path dir;
    private String vignette;
    private int counter;

    @Setup(Level.Trial)
    public void load() throws IOException, GenerationException {
        dir = Files.createTempDirectory("mhbench-bench-");
        Path file = dir.resolve(size + ".gguf");
        TestModelWriter.write(file, TestModelSize.valueOf(size.toUpperCase(java.util.Locale.ROOT)), 42);
        ModelConfig config = ModelConfig.of(file).withThreads(threads).withContextSize(2048);
        if (backend.equals("server")) {
            LlamaServerBinary binary = LlamaServerBinary.locate(null).orElseThrow(() -> new IllegalStateException(
                    "no llama-server: build one with scripts/build-llama.sh"));
            model = LlamaServerChatModel.start(binary, config, java.time.Duration.ofMinutes(5),
                    java.time.Duration.ofMinutes(5), null, false);
        } else {
            model = LlamaCppChatModel.load(config);
        }
        vignette = "Alex has felt low for two weeks, sleeps badly and has stopped seeing friends. ".repeat(14);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        model.close();
        // The model file (214 MB for medium) goes with the trial.
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private String nextPrefix() {
        return (char) ('A' + (counter++ % 26)) + ". ";
    }

    /** About 300 prompt tokens in, 10 tokens out: the shape of a stigma item. */
    @Benchmark
    public Completion stigmaShapedItem() throws GenerationException {
        return model.complete(new ChatRequest(List.of(
                ChatMessage.system("Answer with one letter."),
                ChatMessage.user(nextPrefix() + vignette + "\nHow willing would you be to work with Alex?")),
                SamplingSettings.greedy(10, 0)));
    }

    /** A short message in, 64 tokens out: the shape of a (capped) appropriate-responses item. */
    @Benchmark
    public Completion responseShapedItem() throws GenerationException {
        return model.complete(new ChatRequest(List.of(
                ChatMessage.user(nextPrefix() + "I lost my job today and I do not know what to do.")),
                SamplingSettings.greedy(64, 0)));
    }
}
