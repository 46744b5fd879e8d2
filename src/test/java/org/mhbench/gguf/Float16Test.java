package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Float16Test {

    private static int half(float f) {
        return Float16.fromFloat(f) & 0xFFFF;
    }

    @Test
    void knownValues() {
        assertEquals(0x3C00, half(1f));
        assertEquals(0xC000, half(-2f));
        assertEquals(0x3800, half(0.5f));
        assertEquals(0x2E66, half(0.1f));
        assertEquals(0x3555, half(1f / 3));
        assertEquals(0x7BFF, half(65504f));
        assertEquals(0x0000, half(0f));
        assertEquals(0x8000, half(-0f));
        assertEquals(1f, Float16.toFloat((short) 0x3C00));
        assertEquals(65504f, Float16.toFloat((short) 0x7BFF));
        assertEquals(-2f, Float16.toFloat((short) 0xC000));
    }

    @Test
    void roundsToNearestEven() {
        float ulp = 0x1p-10f; // spacing of halves in [1, 2)
        assertEquals(0x3C00, half(1f + ulp / 2), "tie goes to the even 1.0");
        assertEquals(0x3C02, half(1f + 3 * ulp / 2), "tie goes to the even 1 + 2 ulp");
        assertEquals(0x3C01, half(Math.nextUp(1f + ulp / 2)), "just above the tie rounds up");
        assertEquals(0x3C01, half(Math.nextDown(1f + 3 * ulp / 2)), "just below the tie rounds down");
        assertEquals(0x3C00, half(Math.nextDown(1f + ulp / 2)));
        assertEquals(0x4000, half(Math.nextDown(2f)), "rounding carries into the exponent");
    }

    @Test
    void overflowBecomesInfinity() {
        assertEquals(0x7BFF, half(65519f), "below the midpoint to 65536");
        assertEquals(0x7C00, half(65520f), "the midpoint rounds to even, which is infinity");
        assertEquals(0x7C00, half(1e6f));
        assertEquals(0xFC00, half(-1e6f));
        assertEquals(0x7C00, half(Float.MAX_VALUE));
    }

    @Test
    void subnormals() {
        assertEquals(0x0001, half(0x1p-24f), "smallest subnormal");
        assertEquals(0x03FF, half(1023 * 0x1p-24f), "largest subnormal");
        assertEquals(0x0400, half(0x1p-14f), "smallest normal");
        assertEquals(0x0400, half(1023.5f * 0x1p-24f), "rounds up out of the subnormal range");
        assertEquals(0x0000, half(0x1p-25f), "half the smallest subnormal ties to even zero");
        assertEquals(0x0001, half(Math.nextUp(0x1p-25f)));
        assertEquals(0x0002, half(3 * 0x1p-25f), "tie between 1 and 2 units goes to 2");
        assertEquals(0x8001, half(-0x1p-24f));
        assertEquals(0x0000, half(0x1p-30f));
        assertEquals(0x0000, half(Float.MIN_VALUE), "float subnormals underflow");
        assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001));
        assertEquals(-1023 * 0x1p-24f, Float16.toFloat((short) 0x83FF));
    }

    @Test
    void infinityAndNaN() {
        assertEquals(0x7C00, half(Float.POSITIVE_INFINITY));
        assertEquals(0xFC00, half(Float.NEGATIVE_INFINITY));
        int nan = half(Float.NaN);
        assertEquals(0x7C00, nan & 0x7C00);
        assertTrue((nan & 0x3FF) != 0, "NaN must keep a non-zero payload");
        assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, Float16.toFloat((short) 0xFC00));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0x7E00)));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0xFC01)));
    }

    @Test
    void everyHalfSurvivesARoundTripThroughFloat() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Float16.toFloat((short) h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(f))));
            } else {
                assertEquals(h, half(f), "half 0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void randomFloatsGoToTheNearestHalf() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Math.abs(f) >= 65504f) {
                continue;
            }
            int h = half(f);
            double error = Math.abs((double) Float16.toFloat((short) h) - f);
            for (int neighbour : new int[] {h - 1, h + 1}) {
                if ((neighbour & 0x7C00) == 0x7C00 || neighbour < 0 || neighbour > 0xFFFF
                        || ((neighbour ^ h) & 0x8000) != 0) {
                    continue;
                }
                double other = Math.abs((double) Float16.toFloat((short) neighbour) - f);
                assertTrue(error < other || (error == other && (h & 1) == 0),
                        f + " -> 0x" + Integer.toHexString(h) + " but 0x" + Integer.toHexString(neighbour) + " is nearer");
            }
        }
    }
}
