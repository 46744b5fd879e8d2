package org.mhbench.generate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to load a model. Everything here is fixed for the life of a loaded model; per-request
 * settings live in {@link SamplingSettings}.
 *
 * @param path             the GGUF file
 * @param label            the name used in run outputs (default: the file name without extension)
 * @param threads          CPU threads for generation; 0 = every available processor (at
 *                         one): llama.cpp's own choice of physical cores, and on a busy 2-core
 *                         machine one thread measured 2.5x faster than two (see README)
 * @param gpuLayers        layers to offload to a GPU (0 = CPU only). The bundled native library is
 *                         CPU-only; a value above 0 needs a GPU build of the binding
 * @param contextSize      context window in tokens shared by all slots (0 = the model's trained size,
 *                         capped at {@link #DEFAULT_MAX_CONTEXT})
 * @param parallelSlots    concurrent requests served by one loaded model; each slot gets
 *                         contextSize / parallelSlots tokens
 * @param chatTemplate     a Jinja chat template that replaces the model's own, or {@code null}
 * @param templateEngine   how the template is applied
 */
public record ModelConfig(Path path, String label, int threads, int gpuLayers, int contextSize, int parallelSlots,
                          String chatTemplate, TemplateEngine templateEngine) {

    /** Upper bound on the default context so that a 128k-context model does not allocate 128k of KV cache. */
    public static final int DEFAULT_MAX_CONTEXT = 8192;

    public ModelConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(templateEngine, "templateEngine");
        if (label == null || label.isBlank()) {
            label = defaultLabel(path);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        if (gpuLayers < 0) {
            throw new IllegalArgumentException("gpu layers must be >= 0, got " + gpuLayers);
        }
        if (contextSize < 0) {
            throw new IllegalArgumentException("context size must be >= 0, got " + contextSize);
        }
        if (parallelSlots < 1) {
            throw new IllegalArgumentException("parallel slots must be >= 1, got " + parallelSlots);
        }
    }

    /** CPU defaults: every processor as threads, no offload, the model's context (capped), one slot, its own template. */
    public static ModelConfig of(Path path) {
        return new ModelConfig(path, null, 0, 0, 0, 1, null, TemplateEngine.JINJA);
    }

    public ModelConfig withThreads(int n) {
        return new ModelConfig(path, label, n, gpuLayers, contextSize, parallelSlots, chatTemplate, templateEngine);
    }

    public ModelConfig withContextSize(int n) {
        return new ModelConfig(path, label, threads, gpuLayers, n, parallelSlots, chatTemplate, templateEngine);
    }

    public ModelConfig withParallelSlots(int n) {
        return new ModelConfig(path, label, threads, gpuLayers, contextSize, n, chatTemplate, templateEngine);
    }

    public ModelConfig withGpuLayers(int n) {
        return new ModelConfig(path, label, threads, n, contextSize, parallelSlots, chatTemplate, templateEngine);
    }

    public ModelConfig withChatTemplate(String template, TemplateEngine engine) {
        return new ModelConfig(path, label, threads, gpuLayers, contextSize, parallelSlots, template, engine);
    }

    public ModelConfig withLabel(String newLabel) {
        return new ModelConfig(path, newLabel, threads, gpuLayers, contextSize, parallelSlots, chatTemplate, templateEngine);
    }

    /** Threads actually used: {@link #threads()}, or every available processor. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    static String defaultLabel(Path path) {
        String name = path.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf") ? name.substring(0, name.length() - 5) : name;
    }
}
