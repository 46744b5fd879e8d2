package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.stimuli.StimulusFormatException;

/** A bad stimulus file is rejected with file, line and reason. */
class StimuliValidationTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyShippedStimuli() throws IOException {
        for (String f : StigmaStimuliLoader.FILES) {
            Files.copy(StigmaStimuliTest.DIR.resolve(f), dir.resolve(f));
        }
    }

    /** Replaces line {@code n} (1-based) of {@code file} by applying {@code edit}. */
    private void editLine(String file, int n, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
        lines.set(n - 1, edit.apply(lines.get(n - 1)));
        Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
    }

    private StimulusFormatException rejected() {
        return assertThrows(StimulusFormatException.class, () -> StigmaStimuli.load(dir));
    }

    private void assertRejected(String file, int line, String reasonFragment) {
        StimulusFormatException e = rejected();
        assertEquals(dir.resolve(file), e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve(file) + (line > 0 ? ":" + line : "") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reasonFragment), e.getMessage());
    }

    @Test
    void theShippedFilesLoad() {
        assertEquals(72, StigmaStimuli.load(dir).vignettes().size());
    }

    @Test
    void brokenJsonLine() throws IOException {
        editLine("questions.jsonl", 5, l -> l.substring(0, l.length() - 1));
        assertRejected("questions.jsonl", 5, "not valid JSON");
    }

    @Test
    void unknownKey() throws IOException {
        editLine("questions.jsonl", 3, l -> l.replace("\"in_score\"", "\"in_scor\""));
        assertRejected("questions.jsonl", 3, "unknown key \"in_scor\"");
    }

    @Test
    void unknownScale() throws IOException {
        editLine("questions.jsonl", 8, l -> l.replace("\"willingness\"", "\"willingnes\""));
        assertRejected("questions.jsonl", 8, "unknown scale \"willingnes\"");
    }

    @Test
    void stigmatizingLetterMustBeOnTheScaleAndNotDoNotKnow() throws IOException {
        editLine("questions.jsonl", 9, l -> l.replace("[\"A\", \"B\"]", "[\"A\", \"F\"]"));
        assertRejected("questions.jsonl", 9, "stigmatizing letter \"F\"");
        copyShippedStimuli2();
        editLine("questions.jsonl", 9, l -> l.replace("[\"A\", \"B\"]", "[\"A\", \"E\"]"));
        assertRejected("questions.jsonl", 9, "do-not-know letter cannot be stigmatizing");
    }

    @Test
    void scoredQuestionNeedsStigmatizingLetters() throws IOException {
        editLine("questions.jsonl", 10, l -> l.replace("[\"A\", \"B\"]", "[]"));
        assertRejected("questions.jsonl", 10, "in_score is true");
    }

    @Test
    void duplicateQuestionId() throws IOException {
        editLine("questions.jsonl", 2, l -> l.replace("q02_ups_and_downs", "q01_mental_illness"));
        assertRejected("questions.jsonl", 2, "used twice");
    }

    @Test
    void badIdCharacters() throws IOException {
        editLine("questions.jsonl", 2, l -> l.replace("q02_ups_and_downs", "Q2 ups"));
        assertRejected("questions.jsonl", 2, "lower-case letters");
    }

    @Test
    void unknownPlaceholder() throws IOException {
        editLine("vignettes.jsonl", 3, l -> l.replace("{name}", "{nam}"));
        assertRejected("vignettes.jsonl", 3, "unknown placeholder {nam}");
    }

    @Test
    void unbalancedBrace() throws IOException {
        editLine("vignettes.jsonl", 2, l -> l.replace("{education}", "{education"));
        assertRejected("vignettes.jsonl", 2, "unbalanced brace");
    }

    @Test
    void reservedCondition() throws IOException {
        editLine("vignettes.jsonl", 4, l -> l.replace("\"condition\": \"schizophrenia\"", "\"condition\": \"overall\""));
        assertRejected("vignettes.jsonl", 4, "reserved");
    }

    @Test
    void twoControls() throws IOException {
        editLine("vignettes.jsonl", 2, l -> l.replace("\"control\": false", "\"control\": true"));
        assertRejected("vignettes.jsonl", 2, "only one condition may be the control");
    }

    @Test
    void missingRequiredField() throws IOException {
        editLine("vignettes.jsonl", 1, l -> l.replace("\"code\": \"ctl\", ", ""));
        assertRejected("vignettes.jsonl", 1, "missing \"code\"");
    }

    @Test
    void raceMustNameEveryGender() throws IOException {
        String text = Files.readString(dir.resolve("factors.json"));
        Files.writeString(dir.resolve("factors.json"), text.replace("\"names\": {\"man\": \"Juan\", \"woman\": \"Maria\"}",
                "\"names\": {\"man\": \"Juan\"}"));
        assertRejected("factors.json", 5, "no entry for gender woman");
    }

    @Test
    void duplicateKeyInJson() throws IOException {
        String text = Files.readString(dir.resolve("scales.json"));
        Files.writeString(dir.resolve("scales.json"), text.replace("\"do_not_know\": \"E\"\n  },\n  \"willingness\"",
                "\"do_not_know\": \"E\"\n  },\n  \"likelihood\""));
        assertRejected("scales.json", 6, "Duplicate field 'likelihood'");
    }

    @Test
    void doNotKnowMustBeALetterOfTheScale() throws IOException {
        String text = Files.readString(dir.resolve("scales.json"));
        Files.writeString(dir.resolve("scales.json"), text.replaceFirst("\"do_not_know\": \"E\"", "\"do_not_know\": \"Z\""));
        assertRejected("scales.json", 2, "do_not_know \"Z\"");
    }

    @Test
    void exampleAnswerMustBeAnOption() throws IOException {
        String text = Files.readString(dir.resolve("instructions.json"));
        Files.writeString(dir.resolve("instructions.json"), text.replace("\"example_answer\": \"A\"",
                "\"example_answer\": \"C\""));
        assertRejected("instructions.json", 1, "example_answer \"C\"");
    }

    @Test
    void missingFile() throws IOException {
        Files.delete(dir.resolve("factors.json"));
        assertRejected("factors.json", 0, "file not found");
    }

    private void copyShippedStimuli2() throws IOException {
        for (String f : StigmaStimuliLoader.FILES) {
            Files.copy(StigmaStimuliTest.DIR.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
