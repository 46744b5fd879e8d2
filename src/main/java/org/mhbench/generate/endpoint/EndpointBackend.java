package org.mhbench.generate.endpoint;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.http.JsonHttp;
import org.mhbench.util.Hashing;

/**
 * Models served elsewhere, through an OpenAI-compatible API the user names with {@code --endpoint}.
 * The only backend that connects beyond this machine's loopback, and only to that URL.
 *
 * @param endpoint       the API root, e.g. {@code http://gpu-box:8000/v1}
 * @param apiKeyEnv      the environment variable the API key came from (recorded), or {@code null}
 * @param apiKey         the API key, or {@code null} for none (never recorded or printed)
 * @param requestTimeout longest wait for one reply
 */
public record EndpointBackend(URI endpoint, String apiKeyEnv, String apiKey, Duration requestTimeout)
        implements Backend {

    public static final String ID = "endpoint";

    public EndpointBackend {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        check(endpoint);
    }

    /**
     * Refuses anything but an absolute http(s) URL with a host, without user info, query or fragment.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--endpoint must be an http:// or https:// URL, got '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("--endpoint has no host: '" + uri + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--endpoint must be a plain API root (no user, query or fragment); "
                    + "give the key with --api-key-env VAR");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChatModel start(ModelConfig config, Path logFile) throws GenerationException {
        JsonHttp http = new JsonHttp(endpoint, apiKey);
        long t0 = System.nanoTime();
        String model = EndpointChatModel.servedModel(http, requestTimeout);
        double millis = (System.nanoTime() - t0) / 1e6;
        // No file to hash: the endpoint and the model id it serves identify the model in record keys.
        String identity = Hashing.sha256("endpoint\n" + endpoint + "\n" + model);
        ModelInfo info = new ModelInfo(config.label(), endpoint.toString(), identity, 0, "unknown", model, 0, "unknown",
                0, 0, config.parallelSlots(), 0, 0, "endpoint", "endpoint", "unknown", false, ID, model, millis);
        return new EndpointChatModel(http, model, info, requestTimeout);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("backend", ID);
        d.put("endpoint", endpoint.toString());
        d.put("api_key_env", apiKeyEnv);
        return d;
    }

    @Override
    public String toString() {
        return "EndpointBackend[" + endpoint + (apiKeyEnv == null ? "" : ", key from $" + apiKeyEnv) + "]";
    }

}
