package org.mhbench.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ggml's Q8_0 quantisation: blocks of 32 values stored as an F16 scale {@code d = max|x| / 127} followed
 * by 32 signed bytes {@code q = round(x / d)} (ties away from zero, like ggml's reference quantiser);
 * the value is {@code q * d}. Per value the error is at most about {@code d / 2} plus the scale's F16
 * rounding ({@code |q| * d * 2^-11}).
 */
public final class Q8_0 {

    /** Values per block. */
    public static final int BLOCK_SIZE = 32;
    /** Bytes per block: a 2-byte F16 scale and 32 int8. */
    public static final int BLOCK_BYTES = 2 + BLOCK_SIZE;

    private Q8_0() {
    }

    /**
     * Quantises {@code count} values of {@code src} starting at {@code offset} into {@code dst} at its
     * position (little-endian, whatever {@code dst}'s byte order), advancing the position by
     * {@code count / 32 * 34} bytes. Values must be finite.
     *
     * @throws IllegalArgumentException if {@code count} is not a multiple of 32
     */
    public static void quantize(float[] src, int offset, int count, ByteBuffer dst) {
        if (count % BLOCK_SIZE != 0) {
            throw new IllegalArgumentException("Q8_0 quantises whole blocks of 32 values, got " + count);
        }
        for (int block = offset; block < offset + count; block += BLOCK_SIZE) {
            float amax = 0f;
            for (int i = block; i < block + BLOCK_SIZE; i++) {
                amax = Math.max(amax, Math.abs(src[i]));
            }
            float d = amax / 127f;
            float inverse = d != 0f ? 1f / d : 0f;
            short scale = Float16.fromFloat(d);
            dst.put((byte) scale);
            dst.put((byte) (scale >>> 8));
            for (int i = block; i < block + BLOCK_SIZE; i++) {
                dst.put((byte) roundHalfAway(src[i] * inverse));
            }
        }
    }

    /**
     * Reads {@code count} quantised values (a multiple of 32) from {@code src} at its position, advancing
     * it, and returns them as floats.
     */
    public static float[] dequantize(ByteBuffer src, int count) {
        if (count % BLOCK_SIZE != 0) {
            throw new IllegalArgumentException("Q8_0 stores whole blocks of 32 values, got " + count);
        }
        ByteBuffer in = src.slice().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        for (int block = 0; block < count; block += BLOCK_SIZE) {
            float d = Float16.toFloat(in.getShort());
            for (int i = 0; i < BLOCK_SIZE; i++) {
                out[block + i] = in.get() * d;
            }
        }
        src.position(src.position() + in.position());
        return out;
    }

    private static int roundHalfAway(float v) {
        int magnitude = (int) (Math.abs((double) v) + 0.5);
        return v < 0 ? -magnitude : magnitude;
    }
}
