package org.mhbench.testmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestVocabularyTest {

    @Test
    void controlAndByteTokensComeFirst() {
        TestVocabulary v = TestVocabulary.build(1024);
        assertEquals(List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"), v.tokens().subList(0, 5));
        assertEquals(TokenType.UNKNOWN, v.type(TestVocabulary.UNKNOWN_ID));
        assertEquals(TokenType.CONTROL, v.type(TestVocabulary.BOS_ID));
        assertEquals(TokenType.CONTROL, v.type(TestVocabulary.EOS_ID));
        assertEquals(TokenType.CONTROL, v.type(TestVocabulary.IM_START_ID));
        assertEquals(TokenType.CONTROL, v.type(TestVocabulary.IM_END_ID));
        assertEquals("<0x00>", v.token(TestVocabulary.FIRST_BYTE_ID));
        assertEquals("<0x0A>", v.token(TestVocabulary.FIRST_BYTE_ID + '\n'));
        assertEquals("<0xFF>", v.token(TestVocabulary.FIRST_BYTE_ID + 255));
        for (int b = 0; b < 256; b++) {
            assertEquals(TokenType.BYTE, v.type(TestVocabulary.FIRST_BYTE_ID + b));
        }
        int firstNormal = TestVocabulary.FIRST_BYTE_ID + 256;
        assertEquals(TestVocabulary.SPACE, v.token(firstNormal));
        for (int id = firstNormal; id < v.size(); id++) {
            assertEquals(TokenType.NORMAL, v.type(id));
        }
    }

    @Test
    void hasTheRequestedSizeAndUniqueTokens() {
        for (int size : new int[] {TestVocabulary.minimumSize(), 1024, 4096, 32000}) {
            TestVocabulary v = TestVocabulary.build(size);
            assertEquals(size, v.size());
            assertEquals(size, new HashSet<>(v.tokens()).size(), "tokens must be unique (llama.cpp maps text to id)");
        }
        assertThrows(IllegalArgumentException.class, () -> TestVocabulary.build(TestVocabulary.minimumSize() - 1));
        assertThrows(IllegalArgumentException.class, () -> TestVocabulary.build(100_000));
    }

    @Test
    void normalScoresDecreaseAndOthersAreZero() {
        TestVocabulary v = TestVocabulary.build(1024);
        int firstNormal = TestVocabulary.FIRST_BYTE_ID + 256;
        for (int id = 0; id < firstNormal; id++) {
            assertEquals(0f, v.score(id));
        }
        for (int id = firstNormal + 1; id < v.size(); id++) {
            assertTrue(v.score(id) < v.score(id - 1));
        }
    }

    @Test
    void everyMultiCharacterPieceCanBeReachedByMerging() {
        // SentencePiece-style merging only forms a piece if some split of it into two pieces exists;
        // keeping every prefix in the vocabulary guarantees that.
        for (int size : new int[] {1024, 32000}) {
            TestVocabulary v = TestVocabulary.build(size);
            for (int id = TestVocabulary.FIRST_BYTE_ID + 256; id < v.size(); id++) {
                String piece = v.token(id);
                if (piece.length() > 1) {
                    String prefix = piece.substring(0, piece.length() - 1);
                    assertTrue(v.id(prefix).isPresent(), "prefix '" + prefix + "' of '" + piece + "'");
                }
            }
        }
    }

    @Test
    void containsWordsAndIsDeterministic() {
        TestVocabulary v = TestVocabulary.build(1024);
        for (String word : List.of("the", "I", "you", "feel")) {
            assertTrue(v.id(TestVocabulary.SPACE + word).isPresent(), word);
        }
        assertEquals(v.tokens(), TestVocabulary.build(1024).tokens());
        assertEquals(v.tokens(), TestVocabulary.build(2048).tokens().subList(0, 1024),
                "a larger vocabulary extends a smaller one");
    }
}
