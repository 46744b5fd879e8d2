package org.mhbench.generate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.TokenLogprob;

/** The JSON shapes llama-server and OpenAI-compatible servers share: chat messages and token log-probabilities. */
public final class ChatJson {

    private ChatJson() {
    }

    /** Adds {@code "messages": [{role, content}, …]} to {@code body}. */
    public static void putMessages(ObjectNode body, List<ChatMessage> messages) {
        var array = body.putArray("messages");
        for (ChatMessage m : messages) {
            array.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
    }

    /** Reads {@code [{token, logprob, top_logprobs: [{token, logprob}, …]}, …]}. */
    public static List<TokenLogprob> logprobs(JsonNode steps) {
        List<TokenLogprob> out = new ArrayList<>();
        for (JsonNode step : steps) {
            List<TokenLogprob.Alternative> top = new ArrayList<>();
            for (JsonNode alt : step.path("top_logprobs")) {
                top.add(new TokenLogprob.Alternative(alt.path("token").asText(), alt.path("logprob").asDouble()));
            }
            out.add(new TokenLogprob(step.path("token").asText(), step.path("logprob").asDouble(), top));
        }
        return out;
    }
}
