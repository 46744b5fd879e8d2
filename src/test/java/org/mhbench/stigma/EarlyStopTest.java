package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.StopRule;
import org.mhbench.stimuli.StrictParser;

/**
 * Stopping a stigma answer once {@link StopRule#FIRST_WORD} says it is decided never changes the strict
 * parser's verdict: for every answer and every point where the rule would stop, the shortened answer
 * parses as the whole one does.
 */
class EarlyStopTest {

    static final List<String> OPTIONS = List.of("w", "x", "y", "z");
    static final StrictParser STRICT = new StrictParser();

    /** The answer as the model would have left it when the rule first says stop, token by token. */
    static String stopped(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            b.append(t);
            if (StopRule.FIRST_WORD.decided(b.toString())) {
                break;
            }
        }
        return b.toString();
    }

    static void assertSameVerdict(List<String> tokens) {
        String whole = String.join("", tokens);
        Optional<String> full = STRICT.parse(whole, OPTIONS);
        assertEquals(full, STRICT.parse(stopped(tokens), OPTIONS), "tokens " + tokens);
    }

    @Test
    void typicalAnswers() {
        for (List<String> t : List.of(
                List.of("C"), List.of("C", ".", " Somewhat", " likely"), List.of(" ", "(C", ")", " Not"),
                List.of("C", "\n", "The", " person"), List.of("C", "\n"), List.of("**", "C", "**"),
                List.of("Answer", ":", " C"), List.of("A", " person", " like"), List.of("\n\n", "B", ":", " very"),
                List.of("c", "."), List.of("D", ")", "\n"), List.of("▁", "B", " y"), List.of("E", " x"),
                List.of("B", "C"), List.of("(", "(", "A", "))", " z"))) {
            assertSameVerdict(t);
        }
    }

    @Test
    void itStopsEarlyWhereItCan() {
        assertEquals("C ", stopped(List.of("C", " ", "Some", "what")));
        assertEquals("Th", stopped(List.of("T", "h", "e", " answer")));
        assertFalse(StopRule.FIRST_WORD.decided("  C)."), "a letter alone may still be the answer");
        assertFalse(StopRule.FIRST_WORD.decided("C\n"), "a newline is no space: 'C\\nThe' would be one piece");
        assertTrue(StopRule.FIRST_WORD.decided("C\nT"));
    }

    @Test
    void randomAnswersFromTheSameAlphabet() {
        Random random = new Random(7);
        String[] pieces = {"A", "B", "C", "D", "a", "d", " ", "  ", "\n", "(", ")", ":", ".", "▁", "x", "The", " C",
                "**", "\t", " A."};
        for (int n = 0; n < 20_000; n++) {
            List<String> tokens = new ArrayList<>();
            int len = 1 + random.nextInt(8);
            for (int i = 0; i < len; i++) {
                tokens.add(pieces[random.nextInt(pieces.length)]);
            }
            assertSameVerdict(tokens);
        }
    }
}
