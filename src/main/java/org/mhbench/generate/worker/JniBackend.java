package org.mhbench.generate.worker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mhbench.Version;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.llamacpp.LlamaCppChatModel;

/**
 * The in-process backend: llama.cpp through de.kherud:llama, one worker JVM per model
 * ({@link WorkerChatModel}). Zero setup, CPU only, llama.cpp build b4916; cannot report token
 * probabilities (the binding aborts the JVM on {@code setNProbs}).
 *
 * @param options how workers start
 * @param notes   where a line a person should see goes (a setting this backend ignores)
 */
public record JniBackend(WorkerOptions options, Consumer<String> notes) implements Backend {

    public static final String ID = LlamaCppChatModel.BACKEND_ID;

    public JniBackend {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(notes, "notes");
    }

    /** A backend whose notes are dropped (tests, tools). */
    public JniBackend(WorkerOptions options) {
        this(options, line -> { });
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChatModel start(ModelConfig config, Path logFile) throws GenerationException {
        if (config.gpuLayers() > 0) {
            // The bundled library has no GPU backend: llama.cpp would only log that it ignores this.
            notes.accept("note: --gpu-layers " + config.gpuLayers() + " is ignored by the in-process backend "
                    + "(CPU only); use --backend server with a CUDA build (scripts/build-llama.sh --cuda)");
        }
        return WorkerChatModel.start(config, options.withLogFile(logFile));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("backend", ID);
        d.put("name", "de.kherud:llama");
        d.put("version", Version.bindingVersion());
        d.put("llama_cpp_build", LlamaCppChatModel.LLAMA_CPP_BUILD);
        return d;
    }

}
