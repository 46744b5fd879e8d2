package org.mhbench.score.responses;

import org.mhbench.stats.Bootstrap;

/**
 * Options of appropriate-responses scoring.
 *
 * @param bootstrap resamples and level of the confidence intervals (the paper: 10,000, 95%)
 * @param seed      base seed; each cell's interval uses a seed derived from it and the cell's labels
 * @param alpha     threshold for Bonferroni-corrected p-values (the paper starred p &lt; 0.05 in Exp 2)
 */
public record ResponsesScoreOptions(Bootstrap bootstrap, long seed, double alpha) {

    public static final double DEFAULT_ALPHA = 0.05;

    public ResponsesScoreOptions {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    /** 10,000 resamples at 95%, seed 0, alpha 0.05. */
    public static ResponsesScoreOptions defaults() {
        return new ResponsesScoreOptions(Bootstrap.defaults(), 0, DEFAULT_ALPHA);
    }
}
