package org.mhbench.gguf;

/**
 * Conversion between {@code float} and IEEE 754 binary16 ("half", ggml's F16), bit-exact and
 * platform-independent (Java 17 has no {@code Float.floatToFloat16}).
 */
public final class Float16 {

    /** Largest finite half value, 65504. */
    public static final float MAX_VALUE = 65504f;

    private Float16() {
    }

    /**
     * The half nearest to {@code value}, ties to even. Values whose magnitude rounds beyond 65504
     * become infinity; values below half the smallest subnormal (2<sup>-25</sup>) become signed zero; NaN
     * stays NaN (keeping the top payload bits, always quiet).
     *
     * @return the 16 bits of the half
     */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7F_FFFF;

        if (exponent == 0xFF) {
            return (short) (mantissa == 0 ? sign | 0x7C00 : sign | 0x7E00 | (mantissa >>> 13));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent >= 1) {
            int half = (halfExponent << 10) | (mantissa >>> 13);
            int rest = mantissa & 0x1FFF;
            if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
                half++; // may carry into the exponent, up to infinity, which is the correct rounding
            }
            return (short) (sign | half);
        }
        if (halfExponent < -10) {
            return (short) sign;
        }
        // subnormal half: value = significand * 2^(exponent - 150), half unit = 2^-24
        int significand = mantissa | 0x80_0000;
        int shift = 14 - halfExponent;
        int half = significand >>> shift;
        int rest = significand & ((1 << shift) - 1);
        int midpoint = 1 << (shift - 1);
        if (rest > midpoint || (rest == midpoint && (half & 1) == 1)) {
            half++; // may become the smallest normal, 0x0400, which is correct
        }
        return (short) (sign | half);
    }

    /** The float equal to the half {@code half} (exact: every half is representable as a float). */
    public static float toFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
