package org.mhbench.generate.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;

/**
 * The llama-server backend: one llama-server child process per model ({@link LlamaServerChatModel}),
 * from a current llama.cpp (CPU-native or CUDA, as built by {@code scripts/build-llama.sh} or by the user).
 *
 * @param binary         the llama-server executable
 * @param loadTimeout    longest wait for the model to load
 * @param requestTimeout longest wait for one request; the server is stopped past it
 * @param echoLog        copy the server's log to stderr when no log file is given ({@code --verbose})
 * @param notes          where a line a person should see goes (a setting this server cannot honour)
 */
public record ServerBackend(LlamaServerBinary binary, Duration loadTimeout, Duration requestTimeout, boolean echoLog,
                            Consumer<String> notes) implements Backend {

    public ServerBackend {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(loadTimeout, "loadTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(notes, "notes");
    }

    @Override
    public String id() {
        return LlamaServerChatModel.BACKEND_ID;
    }

    @Override
    public ChatModel start(ModelConfig config, Path logFile) throws GenerationException {
        if (config.gpuLayers() > 0 && !binary.cuda()) {
            notes.accept("note: --gpu-layers " + config.gpuLayers() + " with a llama-server built without a GPU "
                    + "backend (" + binary.path() + "): all layers run on the CPU; build one with "
                    + "scripts/build-llama.sh --cuda");
        }
        return LlamaServerChatModel.start(binary, config, loadTimeout, requestTimeout, logFile,
                echoLog && logFile == null);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("backend", id());
        d.putAll(binary.describe());
        return d;
    }

}
