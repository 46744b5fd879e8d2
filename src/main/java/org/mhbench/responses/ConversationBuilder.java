package org.mhbench.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Role;
import org.mhbench.stimuli.SystemPrompt;

/**
 * Lays out the conversation of one appropriate-responses prompt as the paper's
 * {@code interjections.py} does (paper-methods §2.2, §6.6–6.8), with our texts:
 * <ol>
 *   <li>system: the character-limit instruction; with a system prompt, {@code prompt text +
 *       character limit} concatenated directly, with no separator (the steel-man text ends in a
 *       newline);</li>
 *   <li>the transcript prefix, client → user, clinician → assistant (none at message 0);</li>
 *   <li>the stimulus turns, alternately user and scripted assistant;</li>
 *   <li>with a bridging turn, the bridge as its own user message and an <em>empty</em> assistant
 *       message are inserted just before the stimulus's last (client) message, so roles keep
 *       alternating.</li>
 * </ol>
 * A bridge is only ever written for conversations longer than system + one message
 * ({@link #needsBridge}): a single-turn stimulus at message 0 is never bridged, the multi-turn
 * stimulus always is (its scripted turns count as earlier messages). Nothing is trimmed.
 */
public final class ConversationBuilder {

    private final ResponsesInstructions instructions;

    public ConversationBuilder(ResponsesInstructions instructions) {
        this.instructions = Objects.requireNonNull(instructions, "instructions");
    }

    /** The system message: the character limit alone, or the system prompt's text immediately followed by it. */
    public String systemText(SystemPrompt systemPrompt) {
        return systemPrompt.text() == null ? instructions.characterLimit()
                : systemPrompt.text() + instructions.characterLimit();
    }

    /**
     * The whole conversation.
     *
     * @param prefix the transcript messages before the stimulus (possibly empty)
     * @param bridge the bridging client turn, or {@code null} for none
     */
    public List<ChatMessage> messages(SystemPrompt systemPrompt, List<ChatMessage> prefix, ResponseStimulus stimulus,
                                      String bridge) {
        List<ChatMessage> out = new ArrayList<>(earlier(systemPrompt, prefix, stimulus));
        if (bridge != null) {
            out.add(ChatMessage.user(bridge));
            out.add(ChatMessage.assistant(""));
        }
        out.add(ChatMessage.user(stimulus.query()));
        return out;
    }

    /** Everything before the final client message: system, prefix, and the stimulus's earlier turns. */
    public List<ChatMessage> earlier(SystemPrompt systemPrompt, List<ChatMessage> prefix, ResponseStimulus stimulus) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(ChatMessage.system(systemText(systemPrompt)));
        out.addAll(prefix);
        List<ChatMessage> turns = stimulus.messages();
        out.addAll(turns.subList(0, turns.size() - 1));
        return out;
    }

    /** Whether a bridging turn is written for this conversation: it has more than system + one message. */
    public static boolean needsBridge(List<ChatMessage> prefix, ResponseStimulus stimulus) {
        return 1 + prefix.size() + stimulus.turns().size() > 2;
    }

    /**
     * The single user message asking the bridge model for a bridging turn: the bridge instruction, the
     * conversation so far as lines {@code System: …}, {@code Client: …}, {@code Clinician: …}, and the
     * final message.
     */
    public String bridgeRequest(List<ChatMessage> earlier, String finalMessage) {
        StringBuilder b = new StringBuilder(instructions.bridgeInstruction()).append("\n\nConversation:\n");
        for (ChatMessage m : earlier) {
            b.append(speaker(m.role())).append(": ").append(m.content()).append('\n');
        }
        return b.append("\nFinal message:\n").append(finalMessage).toString();
    }

    private static String speaker(Role role) {
        return switch (role) {
            case SYSTEM -> "System";
            case USER -> "Client";
            case ASSISTANT -> "Clinician";
        };
    }
}
