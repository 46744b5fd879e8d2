package org.mhbench.stimuli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paper's parsing rule (paper-methods §1.5), including its known false positive. */
class StrictParserTest {

    private static final List<String> FIVE = List.of("Not at all likely", "Not very likely", "Somewhat likely",
            "Very likely", "Do not know");

    private final StrictParser parser = new StrictParser();

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', nullValues = "NONE", value = {
            "C|C",
            "(C)|C",
            "'C: Somewhat likely'|C",
            "'  C. Somewhat likely'|C",
            "c|C",
            "'E'|E",
            "'\u2581D'|D",
            "'D\u00A0'|D",
            "'A sentence starting with the article'|A",
            "'**C**'|NONE",
            "'Answer: C'|NONE",
            "'Based on the information provided'|NONE",
            "F|NONE",
            "''|NONE",
            "'   '|NONE",
            "'( C)'|NONE",
            "'CD'|NONE",
            "'C)The'|NONE",
    })
    void parsesLikeThePaper(String output, String expected) {
        assertEquals(Optional.ofNullable(expected), parser.parse(output, FIVE));
    }

    @org.junit.jupiter.api.Test
    void splitsOnTheSpaceCharacterOnly() {
        assertEquals(Optional.empty(), parser.parse("D\nThe symptoms", FIVE), "no space before the break");
        assertEquals(Optional.empty(), parser.parse("D\tVery", FIVE));
    }

    @org.junit.jupiter.api.Test
    void stripsSurroundingWhitespaceFirst() {
        assertEquals(Optional.of("D"), parser.parse("  D: Very likely\n\nThe symptoms", FIVE));
        assertEquals(Optional.of("B"), parser.parse("\n\nB", FIVE));
        assertEquals(Optional.of("B"), parser.parse("B \nmore", FIVE));
    }

    @org.junit.jupiter.api.Test
    void onlyTheFirstNLettersCount() {
        assertEquals(Optional.empty(), parser.parse("C", List.of("Yes", "No")));
        assertEquals(Optional.of("B"), parser.parse("b", List.of("Yes", "No")));
        assertEquals(Optional.empty(), parser.parse(null, FIVE));
    }
}
