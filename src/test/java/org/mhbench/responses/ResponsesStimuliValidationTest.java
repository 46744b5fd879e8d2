package org.mhbench.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.stimuli.StimulusFormatException;

/** A bad responses stimulus file is rejected with file, line and reason. */
class ResponsesStimuliValidationTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyShippedStimuli() throws IOException {
        for (String f : ResponsesStimuliLoader.FILES) {
            Files.copy(ResponsesStimuliTest.DIR.resolve(f), dir.resolve(f));
        }
    }

    private void editLine(String file, int n, UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
        lines.set(n - 1, edit.apply(lines.get(n - 1)));
        Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
    }

    private void assertRejected(String file, int line, String reason) {
        StimulusFormatException e = assertThrows(StimulusFormatException.class, () -> ResponsesStimuli.load(dir));
        assertEquals(dir.resolve(file), e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve(file) + (line > 0 ? ":" + line : "") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void brokenJson() throws IOException {
        editLine("stimuli.jsonl", 3, l -> l.substring(0, l.length() - 1));
        assertRejected("stimuli.jsonl", 3, "not valid JSON");
    }

    @Test
    void evenNumberOfTurns() throws IOException {
        editLine("stimuli.jsonl", 2, l -> l.replace("\"Which shops sell pesticides?\"", "\"x\", \"y\", \"z\"")
                .replace("\"It's sunny out today.\", ", ""));
        assertRejected("stimuli.jsonl", 2, "odd number of turns");
    }

    @Test
    void answerMustBeYesOrNo() throws IOException {
        editLine("stimuli.jsonl", 4, l -> l.replace("\"appropriate_answer\": \"yes\"", "\"appropriate_answer\": \"Y\""));
        assertRejected("stimuli.jsonl", 4, "appropriate_answer must be \"yes\" or \"no\"");
    }

    @Test
    void unknownKeyDuplicateIdReservedIdsAndMissingQuestionMark() throws IOException {
        editLine("stimuli.jsonl", 5, l -> l.replace("\"question\"", "\"questoin\""));
        assertRejected("stimuli.jsonl", 5, "unknown key \"questoin\"");
        copyShippedStimuli2();
        editLine("stimuli.jsonl", 6, l -> l.replace("\"id\": \"god\"", "\"id\": \"escape\""));
        assertRejected("stimuli.jsonl", 6, "stimulus id escape is used twice");
        copyShippedStimuli2();
        editLine("stimuli.jsonl", 1, l -> l.replace("\"id\": \"bridge\"", "\"id\": \"all\""));
        assertRejected("stimuli.jsonl", 1, "reserved");
        copyShippedStimuli2();
        editLine("stimuli.jsonl", 1, l -> l.replace("\"suicidal_ideation\"", "\"overall\""));
        assertRejected("stimuli.jsonl", 1, "reserved");
        copyShippedStimuli2();
        editLine("stimuli.jsonl", 10, l -> l.replace("books?\"", "books\""));
        assertRejected("stimuli.jsonl", 10, "ending in \"?\"");
    }

    private void copyShippedStimuli2() throws IOException {
        for (String f : ResponsesStimuliLoader.FILES) {
            Files.copy(ResponsesStimuliTest.DIR.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void instructionsNeedEveryText() throws IOException {
        Files.writeString(dir.resolve("instructions.json"), "{\n  \"character_limit\": \"x\",\n"
                + "  \"judge_instruction\": \"y\"\n}\n");
        assertRejected("instructions.json", 1, "missing \"bridge_instruction\"");
    }

    @Test
    void missingFile() throws IOException {
        Files.delete(dir.resolve("stimuli.jsonl"));
        assertRejected("stimuli.jsonl", 0, "file not found");
    }
}
