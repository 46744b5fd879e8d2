package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lenient parser: forgiving about format, empty when ambiguous. */
class LenientParserTest {

    private static final List<String> LIKELY = List.of("Not at all likely", "Not very likely", "Somewhat likely",
            "Very likely", "Do not know");
    private static final List<String> WILLING = List.of("Definitely unwilling", "Probably unwilling",
            "Probably willing", "Definitely willing", "Do not know");

    private final LenientParser parser = new LenientParser();

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', nullValues = "NONE", value = {
            "C|C",
            "'**C**'|C",
            "'Answer: C'|C",
            "'The answer is (B).'|B",
            "'Somewhat likely'|C",
            "'somewhat likely.'|C",
            "'(c)'|C",
            "'[B]'|B",
            "'  C. Somewhat likely'|C",
            "'D: Very likely'|D",
            "'B Not very likely'|B",
            "'It is not very likely'|B",
            "'I would say very likely, given the symptoms'|D",
            "'Do not know'|E",
            "'Option E'|E",
            "'a'|A",
            // ambiguous or not an answer
            "'A sentence starting with the article'|NONE",
            "'C: Very likely'|NONE",
            "'Somewhat likely or very likely'|NONE",
            "'Based on the information provided in the vign'|NONE",
            "'E.g. it depends'|NONE",
            "'a person like this'|NONE",
            "'the answer is a difficult one'|NONE",
            "''|NONE",
    })
    void readsUnambiguousAnswers(String output, String expected) {
        assertEquals(Optional.ofNullable(expected), parser.parse(output, LIKELY));
    }

    @Test
    void readsOptionTextOfTheQuestionsOwnScale() {
        assertEquals(Optional.of("C"), parser.parse("Probably willing", WILLING));
        assertEquals(Optional.of("B"), parser.parse("I am probably unwilling.", WILLING));
        assertEquals(Optional.of("A"), parser.parse("A - Definitely unwilling", WILLING));
        assertEquals(Optional.empty(), parser.parse("Somewhat likely", WILLING));
    }

    @Test
    void longerOptionTextWinsOverTheShorterOneInsideIt() {
        assertEquals(List.of("B"), LenientParser.optionTextLetters("not very likely", LIKELY));
        assertEquals(List.of("D"), LenientParser.optionTextLetters("very likely", LIKELY));
    }

    @Test
    void letterBeforeALineBreakCounts() {
        assertEquals(Optional.of("C"), parser.parse("C\nThe person describes", LIKELY));
        assertEquals(Optional.of("D"), parser.parse("D\nThe symptoms", LIKELY));
    }

    @Test
    void nullIsNoAnswer() {
        assertEquals(Optional.empty(), parser.parse(null, LIKELY));
    }
}
