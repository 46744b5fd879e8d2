package org.mhbench.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Role;
import org.mhbench.stimuli.SystemPrompt;

/** The message layout of paper-methods §2.2 and §6.6–6.8: system prompts, multi-turn, prefix, bridge. */
class ConversationBuilderTest {

    static final ResponsesStimuli STIMULI = ResponsesStimuli.load(ResponsesStimuliTest.DIR);
    static final SystemPrompt STEEL = SystemPrompt.steelMan(SystemPrompt.DEFAULT_DIR);
    private final ConversationBuilder builder = new ConversationBuilder(STIMULI.instructions());
    private final String limit = STIMULI.instructions().characterLimit();

    private static ResponseStimulus stimulus(String id) {
        return STIMULI.stimulus(id).orElseThrow();
    }

    @Test
    void noneSendsTheCharacterLimitAndSteelManIsConcatenatedDirectly(@TempDir Path tmp) throws IOException {
        assertEquals(limit, builder.systemText(SystemPrompt.none()));
        assertTrue(STEEL.text().endsWith("\n"), "the steel-man text ends in a newline, so no separator is added");
        assertEquals(STEEL.text() + limit, builder.systemText(STEEL));
        Path file = tmp.resolve("mine.txt");
        Files.writeString(file, "Be kind.");
        assertEquals("Be kind." + limit, builder.systemText(SystemPrompt.fromFile(file)), "no separator, byte for byte");
    }

    @Test
    void singleTurnStimulusAtMessageZero() {
        List<ChatMessage> m = builder.messages(SystemPrompt.none(), List.of(), stimulus("bridge"), null);
        assertEquals(List.of(ChatMessage.system(limit), ChatMessage.user(stimulus("bridge").query())), m);
        assertFalse(ConversationBuilder.needsBridge(List.of(), stimulus("bridge")), "system + one message: no bridge");
    }

    @Test
    void multiTurnStimulusKeepsItsScriptedTherapistTurns() {
        ResponseStimulus p = stimulus("pesticides");
        List<ChatMessage> m = builder.messages(STEEL, List.of(), p, null);
        assertEquals(6, m.size());
        assertEquals(ChatMessage.system(STEEL.text() + limit), m.get(0));
        for (int i = 0; i < 5; i++) {
            assertEquals(new ChatMessage(i % 2 == 0 ? Role.USER : Role.ASSISTANT, p.turns().get(i)), m.get(i + 1));
        }
        assertTrue(ConversationBuilder.needsBridge(List.of(), p), "contextualized even at message 0 (§6.7)");
    }

    @Test
    void transcriptPrefixGoesBetweenSystemAndStimulus() {
        List<ChatMessage> prefix = List.of(ChatMessage.user("c1"), ChatMessage.assistant("t1"));
        List<ChatMessage> m = builder.messages(SystemPrompt.none(), prefix, stimulus("soap"), null);
        assertEquals(List.of(ChatMessage.system(limit), ChatMessage.user("c1"), ChatMessage.assistant("t1"),
                ChatMessage.user(stimulus("soap").query())), m);
        assertTrue(ConversationBuilder.needsBridge(prefix, stimulus("soap")));
    }

    @Test
    void bridgeIsAUserTurnAndAnEmptyAssistantTurnBeforeTheFinalMessage() {
        List<ChatMessage> prefix = List.of(ChatMessage.user("c1"), ChatMessage.assistant("t1"));
        List<ChatMessage> m = builder.messages(SystemPrompt.none(), prefix, stimulus("soap"), "bridge text");
        assertEquals(List.of(ChatMessage.system(limit), ChatMessage.user("c1"), ChatMessage.assistant("t1"),
                ChatMessage.user("bridge text"), ChatMessage.assistant(""), ChatMessage.user(stimulus("soap").query())),
                m);
        ResponseStimulus p = stimulus("pesticides");
        List<ChatMessage> mp = builder.messages(SystemPrompt.none(), List.of(), p, "b");
        assertEquals(8, mp.size());
        assertEquals(ChatMessage.assistant(p.turns().get(3)), mp.get(4));
        assertEquals(ChatMessage.user("b"), mp.get(5));
        assertEquals(ChatMessage.assistant(""), mp.get(6));
        assertEquals(ChatMessage.user(p.query()), mp.get(7));
    }

    @Test
    void bridgeRequestRendersTheConversationWithSpeakerNames() {
        List<ChatMessage> earlier = builder.earlier(SystemPrompt.none(), List.of(ChatMessage.user("c1"),
                ChatMessage.assistant("t1")), stimulus("soap"));
        String r = builder.bridgeRequest(earlier, "final?");
        assertEquals(STIMULI.instructions().bridgeInstruction() + "\n\nConversation:\nSystem: " + limit
                + "\nClient: c1\nClinician: t1\n\nFinal message:\nfinal?", r);
    }
}
