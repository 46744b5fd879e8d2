package org.mhbench.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.mhbench.generate.Backend;
import org.mhbench.generate.BackendChoice;
import org.mhbench.generate.endpoint.EndpointBackend;
import org.mhbench.generate.server.LlamaServerBinary;
import org.mhbench.generate.server.ServerBackend;
import org.mhbench.generate.worker.JniBackend;
import org.mhbench.generate.worker.WorkerOptions;
import picocli.CommandLine.Option;

/** Where models run: {@code --backend}, {@code --llama-server}, {@code --endpoint}, {@code --api-key-env}. */
final class BackendOptions {

    @Option(names = "--backend", paramLabel = "auto|jni|server", defaultValue = "auto",
            converter = ChoiceConverter.class,
            description = {"Where models run (default: ${DEFAULT-VALUE}): server = a llama-server child process per "
                    + "model, from a current llama.cpp (CPU or GPU; build it once with scripts/build-llama.sh); "
                    + "jni = llama.cpp b4916 in-process (CPU only, no setup); auto = server when a llama-server "
                    + "is found, jni otherwise."})
    BackendChoice choice = BackendChoice.AUTO;

    @Option(names = "--llama-server", paramLabel = "PATH",
            description = {"The llama-server to use. Default: $" + LlamaServerBinary.ENV + ", else llama-server on "
                    + "the PATH, else mhbench's own build under ~/.cache/mhbench/llama.cpp/."})
    Path llamaServer;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = {"Send requests to an OpenAI-compatible server you run (vLLM, TGI, llama-server on a GPU "
                    + "box), e.g. http://host:8000/v1, instead of loading a GGUF; name the model with --label. "
                    + "The only way a run connects beyond this machine."})
    String endpoint;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the --endpoint's API key (never give a key on the command line).")
    String apiKeyEnv;

    /** True when models are served by an endpoint rather than loaded from files. */
    boolean usesEndpoint() {
        return endpoint != null;
    }

    /** The endpoint as a checked URI. */
    URI endpointUri() {
        try {
            URI uri = new URI(endpoint.strip());
            EndpointBackend.check(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("--endpoint is not a URL: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The backend these options choose, with its choice said on {@code err}.
     *
     * @param requestTimeout longest wait for one request
     * @param verbose        let the backend print its native log
     */
    Backend backend(Duration requestTimeout, boolean verbose, PrintWriter err) {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new UserError("--request-timeout must be 1 second or more, got " + requestTimeout.toSeconds());
        }
        if (apiKeyEnv != null && endpoint == null) {
            throw new UserError("--api-key-env goes with --endpoint");
        }
        if (endpoint != null) {
            if (choice != BackendChoice.AUTO || llamaServer != null) {
                throw new UserError("--endpoint sends requests to a server you run: leave out --backend and "
                        + "--llama-server");
            }
            URI uri = endpointUri();
            String key = null;
            if (apiKeyEnv != null) {
                key = System.getenv(apiKeyEnv);
                if (key == null || key.isBlank()) {
                    throw new UserError("--api-key-env " + apiKeyEnv + ": that environment variable is not set");
                }
            }
            note(err, "backend: endpoint " + uri + " (requests leave this machine for that address only)");
            return new EndpointBackend(uri, apiKeyEnv, key, requestTimeout);
        }
        WorkerOptions worker = WorkerOptions.defaults().withRequestTimeout(requestTimeout).withNativeLog(verbose);
        if (choice == BackendChoice.JNI) {
            if (llamaServer != null) {
                throw new UserError("--llama-server goes with --backend server or auto, not jni");
            }
            return new JniBackend(worker, line -> note(err, line));
        }
        LlamaServerBinary binary;
        try {
            binary = LlamaServerBinary.locate(llamaServer).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (binary == null) {
            if (choice == BackendChoice.SERVER) {
                throw new UserError("--backend server: no llama-server found; build one with scripts/build-llama.sh "
                        + "(about 15 min on 2 cores, once), or give --llama-server PATH or $" + LlamaServerBinary.ENV);
            }
            note(err, "backend: in-process llama.cpp " + org.mhbench.generate.llamacpp.LlamaCppChatModel.LLAMA_CPP_BUILD
                    + " (no llama-server found; scripts/build-llama.sh builds one for current models and GPUs)");
            return new JniBackend(worker, line -> note(err, line));
        }
        note(err, "backend: llama-server " + binary.version() + " (" + binary.path() + ", via " + binary.origin() + ")");
        return new ServerBackend(binary, worker.loadTimeout(), requestTimeout, verbose, line -> note(err, line));
    }

    private static void note(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    /** Reads {@code auto}, {@code jni}, {@code server} in any case. */
    static final class ChoiceConverter implements picocli.CommandLine.ITypeConverter<BackendChoice> {
        @Override
        public BackendChoice convert(String value) {
            try {
                return BackendChoice.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected auto, jni or server, got '" + value + "'");
            }
        }
    }
}
