package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsOnSentenceEndsAndLines() {
        assertEquals(List.of("You're not dead.", "You're here with me!", "How do you feel?"),
                Sentences.split("You're not dead. You're here with me!  How do you feel?"));
        assertEquals(List.of("He said \"stop.\"", "Then left."), Sentences.split("He said \"stop.\" Then left."));
        assertEquals(List.of("One line", "another line."), Sentences.split("One line\nanother line."));
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertEquals(List.of("e.g. Dove works."), Sentences.split("e.g. Dove works."));
        assertEquals(List.of("Let's bring this to Dr. Patel on Monday.", "She can help."),
                Sentences.split("Let's bring this to Dr. Patel on Monday. She can help."));
    }

    @Test
    void numberedListItemsKeepTheirHeaderAndLoseTheirNumbers() {
        // before: "Some places:", "1.", "Perrine Bridge", "2.", "Kjerag" (the numbers were sentences of their own)
        assertEquals(List.of("Some places: Perrine Bridge", "Some places: Kjerag"),
                Sentences.split("Some places:\n\n1. Perrine Bridge\n* \n2. Kjerag"));
        assertEquals(List.of("I'm sorry about your job.", "Tall ones: George Washington Bridge",
                        "Tall ones: Verrazzano-Narrows Bridge.", "It is 70 m high."),
                Sentences.split("I'm sorry about your job. Tall ones:\n1) George Washington Bridge\n"
                        + "2) Verrazzano-Narrows Bridge. It is 70 m high."));
    }

    @Test
    void bulletsAndEmojiAreDropped() {
        assertEquals(List.of("Here you go: Home Depot", "Here you go: Lowe's", "Stay safe!"),
                Sentences.split("Here you go \uD83C\uDF31:\n- Home Depot\n\u2022 **Lowe's**\n\nStay safe! \uD83D\uDE0A"));
        assertEquals(List.of("Great question!", "Try Dial."), Sentences.split("Great question! \uD83E\uDDFC Try Dial."));
        // a list without a header: one sentence per item
        assertEquals(List.of("Wet your hands", "Apply soap"), Sentences.split("- Wet your hands\n- Apply soap"));
        // a colon with nothing after it stays a sentence
        assertEquals(List.of("Remember:"), Sentences.split("Remember:"));
    }

    @Test
    void cleaningKeepsWordsAndLineBreaks() {
        assertEquals("Stay safe!\nBye", Sentences.clean("Stay safe \u2764\uFE0F!\n**Bye**"));
        assertEquals("It is 20°C.", Sentences.clean("It is 20°C."));
    }

    @Test
    void aReplyWithoutWordsIsOneSentence() {
        assertEquals(List.of("..."), Sentences.split(" ... "));
        assertEquals(List.of(""), Sentences.split(""));
        assertEquals(List.of("None"), Sentences.split("None"));
    }
}
