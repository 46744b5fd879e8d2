package org.mhbench.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.mhbench.generate.Backend;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.gguf.GgufFormatException;
import org.mhbench.gguf.GgufReader;
import org.mhbench.judge.llm.JudgePrompt;
import org.mhbench.judge.llm.LlmJudge;
import org.mhbench.judge.onnx.JudgeManifest;
import org.mhbench.judge.onnx.OnnxJudge;
import org.mhbench.util.Home;

/**
 * Opens a judge from its command-line spec:
 * <ul>
 *   <li>{@code onnx} or {@code onnx:DIR}: the offline ONNX classifier ({@link OnnxJudge}): the shipped
 *       judge in {@code models/judge}, or a folder written by {@code mhbench train-judge};</li>
 *   <li>{@code llm:FILE.gguf}: a local GGUF model asked the paper's question ({@link LlmJudge}),
 *       on the chosen backend (in its own worker process or llama-server).</li>
 * </ul>
 */
public final class Judges {

    /** The default spec. */
    public static final String DEFAULT = "onnx";
    /** Joins a first judge's spec (or id) to the judge its unsure verdicts go to: {@code onnx=>llm:FILE}. */
    public static final String ESCALATES_TO = "=>";

    /** The spec (or id) of {@code first} escalating to {@code second}. */
    public static String escalated(String first, String second) {
        return first + ESCALATES_TO + second;
    }

    /**
     * What an LLM judge needs besides its model file.
     *
     * @param instruction          the judge prompt's first line (the stimuli's {@code judge_instruction})
     * @param inappropriateAnswers criterion id → the answer that counts as inappropriate
     * @param backend              where its model runs (the server backend gives calibrated probabilities);
     *                              asked for only when an LLM judge is opened
     * @param logFile              where the backend's log goes, or {@code null}
     * @param threads              CPU threads (0 = every processor, as for models)
     * @param gpuLayers            layers to offload
     * @param contextSize          context window (0 = the model's, capped)
     * @param seed                 option-order and sampler seed
     */
    public record Setup(String instruction, Map<String, String> inappropriateAnswers, Supplier<Backend> backend, Path logFile,
                        int threads, int gpuLayers, int contextSize, long seed) {

        public Setup {
            Objects.requireNonNull(instruction, "instruction");
            inappropriateAnswers = Map.copyOf(inappropriateAnswers);
            Objects.requireNonNull(backend, "backend");
        }
    }

    private Judges() {
    }

    /**
     * Checks a spec without loading anything, so a bad one fails before a long run starts.
     *
     * @throws JudgeUnavailableException for an unknown kind, a missing or unreadable model file, or a
     *                                   judge not in this build
     */
    public static void check(String spec) {
        int at = spec.indexOf(ESCALATES_TO);
        if (at >= 0) {
            check(spec.substring(0, at));
            check(spec.substring(at + ESCALATES_TO.length()));
            return;
        }
        if (isOnnx(spec)) {
            try {
                JudgeManifest.read(onnxDir(spec));
            } catch (org.mhbench.util.BadInputException e) {
                throw new JudgeUnavailableException(e.getMessage());
            }
            return;
        }
        Path file = llmFile(spec);
        if (!Files.isRegularFile(file)) {
            throw new JudgeUnavailableException("judge model not found: " + file + " (give --judge llm:FILE.gguf)");
        }
        try {
            GgufReader.read(file);
        } catch (IOException | GgufFormatException e) {
            throw new JudgeUnavailableException("cannot read the judge model " + file + ": " + e.getMessage());
        }
    }

    /**
     * Opens the judge named by {@code spec}.
     *
     * @throws JudgeUnavailableException as {@link #check}
     * @throws GenerationException       when an LLM judge's model cannot be loaded
     */
    public static Judge open(String spec, Setup setup) throws GenerationException {
        check(spec);
        int at = spec.indexOf(ESCALATES_TO);
        if (at >= 0) {
            Judge first = open(spec.substring(0, at), setup);
            try {
                return new EscalatingJudge(first, open(spec.substring(at + ESCALATES_TO.length()), setup));
            } catch (GenerationException | RuntimeException e) {
                first.close();
                throw e;
            }
        }
        if (isOnnx(spec)) {
            // The encoder's ONNX Runtime threads: the LLM judge's "0 = every processor" means 1 here (spinning off,
            // one thread is the measured sweet spot on small busy machines).
            return OnnxJudge.load(onnxDir(spec), new OnnxJudge.Options(Math.max(1, setup.threads()),
                    OnnxJudge.Options.defaults().maxBatch()));
        }
        ModelConfig config = ModelConfig.of(llmFile(spec)).withThreads(setup.threads())
                .withGpuLayers(setup.gpuLayers()).withContextSize(setup.contextSize());
        Backend backend = setup.backend().get();
        return LlmJudge.start(backend.withDefaults(config), backend, setup.logFile(), new JudgePrompt(setup.instruction()), setup.seed(),
                setup.inappropriateAnswers());
    }

    private static boolean isOnnx(String spec) {
        return spec.equals("onnx") || spec.startsWith("onnx:");
    }

    /** {@code onnx} → the checkout's {@code models/judge}; {@code onnx:DIR} → DIR. */
    private static Path onnxDir(String spec) {
        return spec.equals("onnx") ? Home.resolve(OnnxJudge.DEFAULT_DIR) : path(spec.substring(5));
    }

    private static Path llmFile(String spec) {
        if (!spec.startsWith("llm:") || spec.length() == 4) {
            throw new JudgeUnavailableException("unknown judge '" + spec + "' (expected onnx, onnx:DIR or "
                    + "llm:FILE.gguf)");
        }
        return path(spec.substring(4));
    }

    private static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new JudgeUnavailableException("not a usable path: '" + name + "' (" + e.getReason() + ")");
        }
    }
}
