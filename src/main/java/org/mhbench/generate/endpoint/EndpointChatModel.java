package org.mhbench.generate.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException.Kind;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.TokenLogprob;
import org.mhbench.generate.http.ChatJson;
import org.mhbench.generate.http.JsonHttp;

/**
 * A model served by an OpenAI-compatible server the user runs (vLLM, TGI, llama-server on another
 * machine): each request is one {@code POST /chat/completions} with the same sampling fields, seed, stop
 * strings and token cap as the local backends. The server applies its own chat template, so
 * {@link #render} is not available, and the model is identified by the endpoint and the model id it
 * reports (there is no file to hash).
 *
 * <p>Thread-safe: several requests may be in flight at once ({@code --parallel}).
 */
public final class EndpointChatModel implements ChatModel {

    private final JsonHttp http;
    private final String modelId;
    private final ModelInfo info;
    private final Duration requestTimeout;

    EndpointChatModel(JsonHttp http, String modelId, ModelInfo info, Duration requestTimeout) {
        this.http = http;
        this.modelId = modelId;
        this.info = info;
        this.requestTimeout = requestTimeout;
    }

    /** The model id the endpoint serves: the first of {@code GET /models}. */
    static String servedModel(JsonHttp http, Duration timeout) throws GenerationException {
        try {
            JsonHttp.Response r = http.get("/models", timeout);
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw new GenerationException(Kind.LOAD_FAILED, "the endpoint " + http.base() + " refused the API key ("
                        + r.statusCode() + "); set it with --api-key-env VAR", true);
            }
            JsonNode first = r.json().path("data").path(0).path("id");
            if (r.statusCode() != 200 || first.isMissingNode()) {
                throw new GenerationException(Kind.LOAD_FAILED, "the endpoint " + http.base() + " lists no model at "
                        + "/models (status " + r.statusCode() + "); is it an OpenAI-compatible API root, e.g. "
                        + "http://host:8000/v1?", true);
            }
            return first.asText();
        } catch (IOException e) {
            throw new GenerationException(Kind.LOAD_FAILED, "cannot reach the endpoint " + http.base() + ": "
                    + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.LOAD_FAILED, "interrupted while contacting " + http.base(), true, e);
        }
    }

    @Override
    public boolean reportsLogprobs() {
        return true;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Completion complete(ChatRequest request) throws GenerationException {
        SamplingSettings s = request.sampling();
        ObjectNode body = org.mhbench.util.Json.MAPPER.createObjectNode();
        body.put("model", modelId);
        ChatJson.putMessages(body, request.messages());
        body.put("temperature", s.temperature()).put("max_tokens", s.maxTokens()).put("seed", s.seed())
                .put("stream", false);
        if (!s.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stop().forEach(stop::add);
        }
        if (s.grammar() != null) {
            body.put("grammar", s.grammar()); // llama-server and vLLM read it; others ignore it
        }
        if (request.topLogprobs() > 0) {
            body.put("logprobs", true).put("top_logprobs", request.topLogprobs());
        }
        long t0 = System.nanoTime();
        JsonHttp.Response r;
        try {
            r = http.post("/chat/completions", body, requestTimeout);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new GenerationException(Kind.TIMEOUT, "the endpoint did not answer within "
                    + requestTimeout.toSeconds() + " s", false, e);
        } catch (IOException e) {
            throw new GenerationException(Kind.WORKER_CRASHED, "the endpoint " + http.base() + " failed: "
                    + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.BACKEND, "interrupted", false, e);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        JsonNode json = r.json();
        if (r.statusCode() != 200) {
            String message = json.path("error").path("message").asText(r.body());
            boolean overflow = message.toLowerCase(java.util.Locale.ROOT).contains("context");
            throw new GenerationException(overflow ? Kind.CONTEXT_OVERFLOW : Kind.BACKEND, "the endpoint answered "
                    + r.statusCode() + ": " + message, r.statusCode() == 401 || r.statusCode() == 403);
        }
        JsonNode choice = json.path("choices").path(0);
        JsonNode usage = json.path("usage");
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        Completion.FinishReason reason = "length".equals(choice.path("finish_reason").asText())
                ? Completion.FinishReason.LENGTH : Completion.FinishReason.STOP;
        List<TokenLogprob> logprobs = ChatJson.logprobs(choice.path("logprobs").path("content"));
        // An endpoint reports no split of prompt and generation time: all of it counts as generation.
        return new Completion(choice.path("message").path("content").asText(""),
                usage.path("prompt_tokens").asInt(-1), usage.path("completion_tokens").asInt(-1), reason, 0, millis,
                logprobs, cached.isNumber() ? cached.asInt() : null);
    }

    @Override
    public String render(List<ChatMessage> messages) throws GenerationException {
        throw new GenerationException(Kind.TEMPLATE, "an endpoint applies its own chat template; mhbench cannot show "
                + "the rendered prompt (ask the server's operator, or run the model locally with --show-prompt)", false);
    }

    @Override
    public void close() {
        // nothing is held but an HTTP client
    }

    /** The endpoint's root URI. */
    public URI endpoint() {
        return http.base();
    }
}
