package org.mhbench.testmodel;

import java.util.SplittableRandom;

/**
 * Fast, platform-independent pseudo-random numbers with mean 0 and standard deviation 1, approximately
 * normal: the Irwin&ndash;Hall sum of four uniform 16-bit integers taken from one SplitMix64 output,
 * centred and scaled. Values lie within &plusmn;3.47. Only integer arithmetic and one float
 * multiplication are involved, so the sequence is identical on every JVM (unlike
 * {@code Random.nextGaussian}, whose algorithm and use of {@code Math.log} are not pinned down).
 */
final class ApproxNormal {

    private static final long MEAN = 4 * 0xFFFFL / 2;                  // 131070
    private static final double STD = Math.sqrt(4 * (65536.0 * 65536.0 - 1) / 12);
    private static final float SCALE = (float) (1 / STD);

    private final SplittableRandom random;

    private ApproxNormal(SplittableRandom random) {
        this.random = random;
    }

    /** The stream for tensor {@code name} of a model written with {@code seed}. */
    static ApproxNormal forTensor(long seed, String name) {
        return new ApproxNormal(new SplittableRandom(mix(seed ^ mix(name.hashCode() + 0x9E37_79B9_7F4A_7C15L))));
    }

    /** The next value. */
    float next() {
        long r = random.nextLong();
        long sum = (r & 0xFFFF) + ((r >>> 16) & 0xFFFF) + ((r >>> 32) & 0xFFFF) + (r >>> 48);
        return (sum - MEAN) * SCALE;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
