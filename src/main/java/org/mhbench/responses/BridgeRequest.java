package org.mhbench.responses;

import java.util.List;
import org.mhbench.generate.ChatMessage;

/**
 * What to ask the bridge model for one prompt (all samples of a prompt share one bridge).
 *
 * @param key      {@code <setting>:<stimulus>}, the key under which the bridge is stored
 * @param messages the request: one user message ({@link ConversationBuilder#bridgeRequest}), no system prompt
 */
public record BridgeRequest(String key, List<ChatMessage> messages) {

    public BridgeRequest {
        messages = List.copyOf(messages);
    }
}
