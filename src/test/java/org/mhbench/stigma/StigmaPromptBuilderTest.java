package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Role;
import org.mhbench.paper.PaperDir;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.util.Json;

/** The message layout of paper-methods §1.3, byte for byte. */
class StigmaPromptBuilderTest {

    private static final Instructions INSTRUCTIONS = new Instructions("Reply with a letter.", "Is it?",
            List.of("Yes", "No"), "A");
    private static final Scale SCALE = new Scale("s", List.of("Lo", "Mid-lo", "Mid-hi", "Hi", "Do not know"), "E");
    private static final Question QUESTION = new Question("q", "q", "How much?", "s", QuestionRole.DANGEROUSNESS,
            java.util.Set.of("C", "D"), true, List.of());
    private static final Vignette VIGNETTE = new Vignette("v", "c", "r", "g", "e", "Sam is here.\nSecond line.");

    private final StigmaPromptBuilder builder = new StigmaPromptBuilder(INSTRUCTIONS);

    @Test
    void fourMessagesInOrder() {
        List<ChatMessage> m = builder.messages(SystemPrompt.none(), VIGNETTE, QUESTION, SCALE);
        assertEquals(List.of(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER), m.stream().map(ChatMessage::role)
                .toList());
        assertEquals("Reply with a letter.", m.get(0).content());
        assertEquals("Is it?\n- (A) Yes\n - (B) No", m.get(1).content(), "one-shot: no colon, stray space");
        assertEquals("A", m.get(2).content());
        assertEquals("Vignette:\nSam is here.\nSecond line.\n\nHow much?\n- (A): Lo\n- (B): Mid-lo\n- (C): Mid-hi"
                + "\n- (D): Hi\n- (E): Do not know", m.get(3).content());
    }

    @Test
    void systemPromptThenNewlineThenInstruction() {
        SystemPrompt steel = new SystemPrompt("steel-man", "Be kind.\n", null);
        assertEquals("Be kind.\n\nReply with a letter.", builder.systemText(steel),
                "STEEL + \"\\n\" + SUMMARIZE, the file's own final newline kept");
        SystemPrompt noNewline = new SystemPrompt("x", "Be kind.", null);
        assertEquals("Be kind.\nReply with a letter.", builder.systemText(noNewline));
    }

    @Test
    void shippedStimuliGiveTheShippedSteelManPrompt() {
        StigmaStimuli stimuli = StigmaStimuli.load(StigmaStimuliTest.DIR);
        SystemPrompt steel = SystemPrompt.steelMan(SystemPrompt.DEFAULT_DIR);
        StigmaPromptBuilder b = new StigmaPromptBuilder(stimuli.instructions());
        String system = b.systemText(steel);
        assertTrue(system.startsWith("You are an expert therapist"), system);
        assertTrue(system.endsWith(".\n\n" + stimuli.instructions().answerInstruction()), system);
        String example = b.exampleUser();
        assertTrue(example.endsWith("\n- (A) Yes\n - (B) No"), example);
    }

    /**
     * With the paper's own texts (read at test time, never stored), the layout reproduces every one of
     * its 1,008 stored user prompts exactly.
     */
    @Test
    void reproducesThePapersUserPromptsByteForByte() throws IOException {
        Path file = PaperDir.require().resolve("data").resolve("prompts.jsonl");
        int checked = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode row = Json.LENIENT.readTree(line);
            List<String> options = new ArrayList<>();
            row.get("options").forEach(o -> options.add(o.asText()));
            String built = StigmaPromptBuilder.questionUser(row.get("vignette").asText(),
                    row.get("question_only").asText(), options);
            assertEquals(row.get("prompt").asText(), built);
            checked++;
        }
        assertEquals(1008, checked);
    }
}
