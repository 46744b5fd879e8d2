package org.mhbench.generate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.mhbench.util.Json;

/**
 * JSON over HTTP to one server (mhbench's own llama-server on loopback, or an endpoint the user
 * named), with a bearer key. No redirects are followed and no proxy is used: requests go only to
 * {@link #base()}.
 */
public final class JsonHttp {

    private final URI base;
    private final String key;
    private final HttpClient client;

    /**
     * @param base the server's root, e.g. {@code http://127.0.0.1:8080} or {@code https://host/v1}
     * @param key  the bearer key, or {@code null} for none
     */
    public JsonHttp(URI base, String key) {
        this.base = Objects.requireNonNull(base, "base");
        this.key = key;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(java.net.ProxySelector.of(null))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI base() {
        return base;
    }

    /** A status code, the raw body, and the body as JSON (missing when it is not JSON). */
    public record Response(int statusCode, String body, JsonNode json) {
    }

    public Response get(String path, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).GET().build());
    }

    public Response post(String path, JsonNode body, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build());
    }

    /**
     * Posts {@code body} and returns the response's lines as they arrive (a server-sent event stream).
     * Closing the stream closes the connection, which a streaming server takes as a cancel.
     */
    public HttpResponse<java.util.stream.Stream<String>> postLines(String path, JsonNode body, Duration timeout)
            throws IOException, InterruptedException {
        return client.send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = r.body() == null || r.body().isBlank() ? MissingNode.getInstance() : Json.LENIENT.readTree(r.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Response(r.statusCode(), r.body(), json);
    }
}
