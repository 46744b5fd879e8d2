package org.mhbench.testmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mhbench.gguf.GgmlType;

class TestModelSizeTest {

    @Test
    void parameterCountsAreInTheirRanges() {
        assertInRange(TestModelSize.TINY.parameterCount(), 1_000_000, 5_000_000);
        assertInRange(TestModelSize.SMALL.parameterCount(), 10_000_000, 30_000_000);
        assertInRange(TestModelSize.MEDIUM.parameterCount(), 100_000_000, 300_000_000);
    }

    @Test
    void dimensionsSuitLlamaCpp() {
        for (TestModelSize s : TestModelSize.values()) {
            assertEquals(0, s.embeddingLength() % s.headCount(), s.label());
            assertEquals(0, s.headDim() % 2, s.label());
            assertEquals(0, s.headCount() % s.headCountKv(), s.label());
            assertEquals(0, s.embeddingLength() % s.matrixType().blockSize(), s.label());
            assertEquals(0, s.feedForwardLength() % s.matrixType().blockSize(), s.label());
            assertTrue(s.vocabSize() >= TestVocabulary.minimumSize(), s.label());
        }
        assertEquals(GgmlType.F16, TestModelSize.TINY.matrixType());
        assertEquals(GgmlType.Q8_0, TestModelSize.MEDIUM.matrixType());
        assertTrue(Arrays.stream(TestModelSize.values()).anyMatch(s -> s.headCountKv() < s.headCount()),
                "at least one size uses grouped-query attention");
        assertEquals(2048, TestModelSize.TINY.contextLength());
    }

    private static void assertInRange(long value, long min, long max) {
        assertTrue(value >= min && value <= max, value + " not in [" + min + ", " + max + "]");
    }
}
