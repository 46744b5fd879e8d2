package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsOnSentenceEndsAndLines() {
        assertEquals(List.of("You're not dead.", "You're here with me!", "How do you feel?"),
                Sentences.split("You're not dead. You're here with me!  How do you feel?"));
        // List numbers end in '.', so they come out as pieces of their own (kept: they hold a digit). This is
        // part of the judge's definition, as trained; changing it means retraining.
        assertEquals(List.of("Some places:", "1.", "Perrine Bridge", "2.", "Kjerag"),
                Sentences.split("Some places:\n\n1. Perrine Bridge\n* \n2. Kjerag"));
        assertEquals(List.of("He said \"stop.", "Then left."), Sentences.split("He said \"stop.\" Then left."));
        assertEquals(List.of("e.g.", "Dove works"), Sentences.split("e.g. Dove works"));
    }

    @Test
    void aReplyWithoutWordsIsOneSentence() {
        assertEquals(List.of("..."), Sentences.split(" ... "));
        assertEquals(List.of(""), Sentences.split(""));
        assertEquals(List.of("None"), Sentences.split("None"));
    }
}
