package org.mhbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.TemplateEngine;
import org.mhbench.gguf.GgufReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that loads models. */
public final class ModelOptions {

    @Mixin
    BackendOptions backend;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf",
            description = {"A GGUF model; repeat for several (each runs in its own worker process).",
                    "Default: the built-in test model (random weights: checks the machinery, not a model)."})
    List<Path> models = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME",
            description = "Name for the model in outputs; repeat in --model order. Default: file name.")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "CPU threads per model (default: ${DEFAULT-VALUE} = the backend's measured default: every "
                    + "processor). Measure with 'mhbench bench -t 1,2,…'.")
    int threads;

    @Option(names = {"-ngl", "--gpu-layers"}, paramLabel = "N", defaultValue = "0",
            description = "Layers to offload to a GPU (default: ${DEFAULT-VALUE}; 999 = all). Needs the server "
                    + "backend with a CUDA build of llama-server (scripts/build-llama.sh --cuda); the in-process "
                    + "backend is CPU-only.")
    int gpuLayers;

    @Option(names = {"-c", "--ctx-size"}, paramLabel = "N", defaultValue = "0",
            description = "Context window in tokens (default: the model's, at most 8192).")
    int contextSize;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Requests served at once by each model (default: ${DEFAULT-VALUE}); each gets "
                    + "ctx-size / N tokens.")
    int parallel;

    @Option(names = "--chat-template", paramLabel = "FILE",
            description = "A Jinja chat template file that replaces the model's own.")
    Path chatTemplate;

    @Option(names = "--template-engine", paramLabel = "ENGINE", defaultValue = "jinja",
            description = "jinja (run the template, as Hugging Face does) or builtin (llama.cpp's own "
                    + "formatter for templates it recognises). Default: ${DEFAULT-VALUE}.")
    TemplateEngine templateEngine;

    /** The configured models, or the default test model when none was given. */
    List<ModelConfig> configs(TestModels testModels) {
        checkNumbers();
        if (backend != null && backend.usesEndpoint()) {
            return endpointConfigs();
        }
        List<Path> paths = models.isEmpty() ? List.of(testModels.defaultModel()) : models;
        if (!labels.isEmpty() && labels.size() != paths.size()) {
            throw new UserError("--label was given " + labels.size() + " times for " + paths.size()
                    + " models; give one label per --model, in the same order");
        }
        String template = null;
        if (chatTemplate != null) {
            try {
                template = Files.readString(chatTemplate);
            } catch (IOException e) {
                throw new UserError("cannot read the chat template " + chatTemplate + ": " + e.getMessage());
            }
        }
        List<ModelConfig> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            if (!Files.isRegularFile(p)) {
                throw new UserError(ModelFiles.notAFile(p));
            }
            // Our own header check first: a damaged file is rejected here, with exit status 2,
            // before any native code sees it.
            try {
                GgufReader.read(p);
            } catch (IOException e) {
                throw new UserError("cannot read the model file " + p + ": " + e.getMessage());
            }
            String label = labels.isEmpty() ? (models.isEmpty() ? TestModels.LABEL : null) : labels.get(i);
            out.add(new ModelConfig(p, label, threads, gpuLayers, contextSize, parallel, template, templateEngine));
        }
        return distinctLabels(out);
    }

    /** One model served by the endpoint, named by its one --label. */
    private List<ModelConfig> endpointConfigs() {
        if (!models.isEmpty()) {
            throw new UserError("--endpoint serves the model: give --label NAME instead of --model");
        }
        if (labels.size() != 1) {
            throw new UserError("--endpoint needs exactly one --label NAME: the name of the served model in outputs");
        }
        if (chatTemplate != null) {
            throw new UserError("--chat-template has no effect on an endpoint: the server applies its own template");
        }
        // There is no file: the path only names the endpoint in settings and logs.
        Path name = Path.of("endpoint:" + labels.get(0));
        return List.of(new ModelConfig(name, labels.get(0), threads, gpuLayers, contextSize, parallel, null,
                templateEngine));
    }

    /** The numeric options, checked here with their names (ModelConfig's own checks guard against bugs). */
    private void checkNumbers() {
        if (threads < 0) {
            throw new UserError("--threads must be 0 (every processor) or more, got " + threads);
        }
        if (gpuLayers < 0) {
            throw new UserError("--gpu-layers must be 0 or more, got " + gpuLayers);
        }
        if (contextSize < 0) {
            throw new UserError("--ctx-size must be 0 (the model's) or more, got " + contextSize);
        }
        if (parallel < 1) {
            throw new UserError("--parallel must be 1 or more, got " + parallel);
        }
    }

    private static List<ModelConfig> distinctLabels(List<ModelConfig> out) {
        // Labels name the models in every table: two models under one label would be pooled.
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ModelConfig c : out) {
            if (!seen.add(c.label())) {
                throw new UserError("two models are labelled '" + c.label() + "'; give each its own --label");
            }
        }
        return out;
    }
}
