package org.mhbench.generate;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where models run: starts a {@link ChatModel} for a model configuration. Each started model owns its
 * process (a worker JVM, a llama-server) or connection and is released by {@link ChatModel#close()}.
 *
 * <p>Implementations: the in-process llama.cpp binding in a worker JVM
 * ({@code generate.worker.JniBackend}), a llama-server child process ({@code generate.server.ServerBackend})
 * and an OpenAI-compatible endpoint the user runs ({@code generate.endpoint.EndpointBackend}).
 */
public interface Backend {

    /** Short id recorded with every model: {@code llama.cpp-jni}, {@code llama-server} or {@code endpoint}. */
    String id();

    /**
     * Loads {@code config}'s model and waits until it can serve requests.
     *
     * @param logFile where the backend's own log goes (appended), or {@code null} to keep only its
     *                last lines for error messages
     * @throws GenerationException LOAD_FAILED, WORKER_CRASHED or TIMEOUT; nothing is left running
     */
    ChatModel start(ModelConfig config, Path logFile) throws GenerationException;

    /**
     * The thread count {@code --threads 0} stands for on this backend, chosen by measurement (README,
     * "Measured on this machine"): every processor. On 2 cores, the stigma loop ran 1.5x faster with 2
     * threads than with 1 on both llama-server and the in-process backend.
     */
    default int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code config} with this backend's default threads where it leaves them to the backend (0). */
    default ModelConfig withDefaults(ModelConfig config) {
        return config.threads() == 0 ? config.withThreads(defaultThreads()) : config;
    }

    /** What this backend is, for the manifest: name, version, build, binary path and hash, endpoint. */
    Map<String, Object> describe();
}
