package org.mhbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.mhbench.judge.Judges;
import org.mhbench.responses.ResponsesStimuli;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How to run a judge (shared by {@code judge} and {@code validate-judge}): the stimuli that give an LLM
 * judge its instruction and the criteria's inappropriate answers, and the judge model's threads, GPU
 * layers, context, seed and request timeout. The ONNX judge reads only {@code --threads}.
 */
final class JudgeModelOptions {

    @Mixin
    BackendOptions backend;

    @Option(names = "--stimuli", paramLabel = "DIR", description = "Stimulus folder holding responses/ (default: "
            + "the stimuli/ folder of this checkout): the criteria's appropriate answers, and the LLM judge's "
            + "instruction.")
    Path stimuliDir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the LLM judge's option order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "Threads: an LLM judge's CPU threads (0 = every processor, as for models) or the ONNX "
                    + "judge's encoder "
                    + "threads (0 = 1) (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-ngl", "--gpu-layers"}, paramLabel = "N", defaultValue = "0",
            description = "Layers of an LLM judge to offload to a GPU (default: ${DEFAULT-VALUE}).")
    int gpuLayers;

    @Option(names = {"-c", "--ctx-size"}, paramLabel = "N", defaultValue = "0",
            description = "Context window of an LLM judge (default: the model's, at most 8192).")
    int contextSize;

    @Option(names = "--request-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Longest time for one verdict before the judge's worker is killed (default: "
                    + "${DEFAULT-VALUE}).")
    long requestTimeout;

    /** The responses stimuli of {@code --stimuli} (or the checkout's). */
    ResponsesStimuli stimuli() {
        return org.mhbench.experiments.Experiments.RESPONSES.stimuli(stimuliDir);
    }

    /** The judge setup, its worker writing its stderr to {@code log} (null: kept in memory). */
    Judges.Setup setup(ResponsesStimuli stimuli, Path log) {
        if (threads < 0 || gpuLayers < 0 || contextSize < 0 || requestTimeout < 1) {
            throw new UserError("--threads, --gpu-layers and --ctx-size must be 0 or more, --request-timeout 1 or "
                    + "more");
        }
        return org.mhbench.run.RunStages.setup(stimuli, () -> backend.backend(Duration.ofSeconds(requestTimeout), false,
                new java.io.PrintWriter(System.err, true)), log,
                threads, gpuLayers, contextSize, seed);
    }
}
