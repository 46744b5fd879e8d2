package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GgmlTypeTest {

    @Test
    void blockSizesMatchGgml() {
        Map<GgmlType, int[]> expected = Map.ofEntries(
                Map.entry(GgmlType.F32, new int[] {0, 1, 4}),
                Map.entry(GgmlType.F16, new int[] {1, 1, 2}),
                Map.entry(GgmlType.Q4_0, new int[] {2, 32, 18}),
                Map.entry(GgmlType.Q8_0, new int[] {8, 32, 34}),
                Map.entry(GgmlType.Q4_K, new int[] {12, 256, 144}),
                Map.entry(GgmlType.Q6_K, new int[] {14, 256, 210}),
                Map.entry(GgmlType.IQ4_XS, new int[] {23, 256, 136}),
                Map.entry(GgmlType.BF16, new int[] {30, 1, 2}),
                Map.entry(GgmlType.TQ1_0, new int[] {34, 256, 54}),
                Map.entry(GgmlType.TQ2_0, new int[] {35, 256, 66}));
        expected.forEach((type, v) -> {
            assertEquals(v[0], type.id(), type + " id");
            assertEquals(v[1], type.blockSize(), type + " block size");
            assertEquals(v[2], type.bytesPerBlock(), type + " bytes per block");
        });
    }

    @Test
    void idsRoundTripAndRemovedIdsAreUnknown() {
        for (GgmlType t : GgmlType.values()) {
            assertEquals(t, GgmlType.fromId(t.id()).orElseThrow());
        }
        for (long removed : new long[] {-1, 4, 5, 31, 32, 33, 36, 39, 1L << 40}) {
            assertTrue(GgmlType.fromId(removed).isEmpty(), "id " + removed);
        }
    }

    @Test
    void byteSize() {
        assertEquals(4096 / 32 * 34, GgmlType.Q8_0.byteSize(4096));
        assertEquals(2 * 256, GgmlType.F16.byteSize(256));
        assertEquals(144, GgmlType.Q4_K.byteSize(256));
        assertThrows(IllegalArgumentException.class, () -> GgmlType.Q4_K.byteSize(100));
        assertThrows(IllegalArgumentException.class, () -> GgmlType.F32.byteSize(-1));
    }

    @Test
    void valueTypeIdsMatchTheSpec() {
        GgufValueType[] inOrder = GgufValueType.values();
        for (int i = 0; i < inOrder.length; i++) {
            assertEquals(i, inOrder[i].id());
            assertEquals(inOrder[i], GgufValueType.fromId(i).orElseThrow());
        }
        assertTrue(GgufValueType.fromId(13).isEmpty());
        assertTrue(GgufValueType.fromId(-1).isEmpty());
    }
}
