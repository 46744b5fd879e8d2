package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Q8_0Test {

    private static ByteBuffer quantize(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length / 32 * 34);
        Q8_0.quantize(values, 0, values.length, buf);
        assertEquals(buf.capacity(), buf.position());
        return buf.flip();
    }

    @Test
    void blockLayoutIsScaleThenBytes() {
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) {
            x[i] = i - 16;
        }
        ByteBuffer q = quantize(x);
        short scale = Float16.fromFloat(16f / 127);
        assertEquals((byte) scale, q.get(0), "scale low byte first");
        assertEquals((byte) (scale >>> 8), q.get(1));
        assertEquals(-127, q.get(2), "the largest magnitude maps to 127");
        assertEquals(0, q.get(2 + 16));
        assertEquals(Math.round(15 * 127 / 16f), q.get(2 + 31));
    }

    @Test
    void tiesRoundAwayFromZeroLikeGgml() {
        float[] x = new float[32];
        x[0] = 127f; // d = 1 exactly
        x[1] = 2.5f;
        x[2] = -2.5f;
        x[3] = 0.5f;
        x[4] = -0.5f;
        x[5] = 0.49f;
        ByteBuffer q = quantize(x);
        assertEquals(127, q.get(2));
        assertEquals(3, q.get(3));
        assertEquals(-3, q.get(4));
        assertEquals(1, q.get(5));
        assertEquals(-1, q.get(6));
        assertEquals(0, q.get(7));
    }

    @Test
    void zeroBlockHasZeroScaleAndValues() {
        float[] back = Q8_0.dequantize(quantize(new float[64]), 64);
        assertArrayEquals(new float[64], back);
    }

    @Test
    void dequantisationErrorIsWithinHalfAStepPlusScaleRounding() {
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[32 * 500];
        for (int i = 0; i < x.length; i++) {
            double magnitude = Math.pow(10, (i / 32) % 7 - 4); // blocks from 1e-4 to 1e2
            x[i] = (float) ((random.nextDouble() * 2 - 1) * magnitude);
        }
        ByteBuffer q = quantize(x);
        float[] back = Q8_0.dequantize(q, x.length);
        assertEquals(q.limit(), q.position(), "dequantize consumes exactly the blocks");
        for (int b = 0; b < x.length; b += 32) {
            float amax = 0;
            for (int i = b; i < b + 32; i++) {
                amax = Math.max(amax, Math.abs(x[i]));
            }
            // |q*d16 - x| <= |q|*|d16 - d| + |q*d - x| <= 127*|d16 - d| + d/2 (F16 scales below 2^-14 are
            // subnormal, so the scale's rounding error is absolute there, not relative)
            float d = amax / 127f;
            float d16 = Float16.toFloat(Float16.fromFloat(d));
            double bound = 0.5 * d + 127 * Math.abs((double) d16 - d) + 1e-6 * d;
            for (int i = b; i < b + 32; i++) {
                double error = Math.abs(back[i] - x[i]);
                assertTrue(error <= bound + 1e-12, "value " + x[i] + " came back as " + back[i] + ", bound " + bound);
            }
        }
    }

    @Test
    void typicalWeightsComeBackWithinAboutHalfAStep() {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[32 * 100];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.05);
        }
        float[] back = Q8_0.dequantize(quantize(x), x.length);
        for (int b = 0; b < x.length; b += 32) {
            float amax = 0;
            for (int i = b; i < b + 32; i++) {
                amax = Math.max(amax, Math.abs(x[i]));
            }
            for (int i = b; i < b + 32; i++) {
                assertTrue(Math.abs(back[i] - x[i]) <= 0.57 * amax / 127, "error at " + i);
            }
        }
    }

    @Test
    void partialBlocksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Q8_0.quantize(new float[40], 0, 40, ByteBuffer.allocate(100)));
        assertThrows(IllegalArgumentException.class, () -> Q8_0.dequantize(ByteBuffer.allocate(100), 40));
    }

    @Test
    void sizeMatchesGgmlType() {
        assertEquals(GgmlType.Q8_0.blockSize(), Q8_0.BLOCK_SIZE);
        assertEquals(GgmlType.Q8_0.bytesPerBlock(), Q8_0.BLOCK_BYTES);
    }
}
