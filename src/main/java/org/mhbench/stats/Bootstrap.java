package org.mhbench.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Percentile bootstrap confidence intervals of a mean, seeded and so reproducible.
 *
 * <p>Each resample draws n values with replacement; the interval's ends are the
 * {@code (1 - level)/2} and {@code (1 + level)/2} quantiles of the resampled means, with linear
 * interpolation between order statistics (numpy's default {@code percentile}). Degenerate data get
 * no resampling: n = 0 gives {@link Interval#UNDEFINED}; n = 1 or all values equal give the
 * zero-width interval at the mean. (The paper's notebook drew [0, 0] there, whatever the mean.)
 *
 * <p>Random numbers come from {@link SplittableRandom}, whose algorithm is specified, so a seed gives
 * the same interval on every JVM. The paper used scipy/numpy generators, so intervals agree with its
 * figures only to Monte-Carlo precision (about ±0.01 at 10,000 resamples), not digit for digit.
 */
public final class Bootstrap {

    /** Resamples used unless told otherwise (the paper used 1,000 for Exp 1, 10,000 for Exp 2). */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Confidence level used unless told otherwise. */
    public static final double DEFAULT_LEVEL = 0.95;

    private final int resamples;
    private final double level;

    /**
     * @param resamples number of bootstrap resamples, ≥ 100
     * @param level     confidence level in (0, 1), e.g. 0.95
     */
    public Bootstrap(int resamples, double level) {
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 100, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        this.resamples = resamples;
        this.level = level;
    }

    /** 10,000 resamples, 95%. */
    public static Bootstrap defaults() {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    public int resamples() {
        return resamples;
    }

    public double level() {
        return level;
    }

    /** Percentile interval of the mean of {@code values}. */
    public Interval mean(double[] values, long seed) {
        int n = values.length;
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        if (n < 2 || Arrays.stream(values).allMatch(v -> v == values[0])) {
            return Interval.point(values[0]);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[rng.nextInt(n)];
            }
            means[r] = sum / n;
        }
        return quantiles(means);
    }

    /**
     * Percentile interval of a proportion k/n, i.e. of the mean of k ones and n − k zeros. Resampling
     * n such values with replacement gives a Binomial(n, k/n) count of ones, which is drawn directly
     * (inverse CDF): the same distribution as {@link #mean} on the 0/1 data, in O(resamples · log n).
     */
    public Interval proportion(long k, long n, long seed) {
        if (k < 0 || n < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
        if (n == 0) {
            return Interval.UNDEFINED;
        }
        double p = (double) k / n;
        if (n < 2 || k == 0 || k == n) {
            return Interval.point(p);
        }
        if (n > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("n too large: " + n);
        }
        BinomialDistribution binomial = new BinomialDistribution(null, (int) n, p);
        double[] cdf = new double[(int) n + 1];
        for (int i = 0; i <= n; i++) {
            cdf[i] = binomial.cumulativeProbability(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double u = rng.nextDouble();
            int idx = Arrays.binarySearch(cdf, u);
            int count = idx >= 0 ? idx : Math.min(-idx - 1, (int) n);
            means[r] = (double) count / n;
        }
        return quantiles(means);
    }

    private Interval quantiles(double[] means) {
        Arrays.sort(means);
        double alpha = (1 - level) / 2;
        return new Interval(quantile(means, alpha), quantile(means, 1 - alpha));
    }

    /** numpy's default ("linear") percentile of sorted data, q in [0, 1]. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
