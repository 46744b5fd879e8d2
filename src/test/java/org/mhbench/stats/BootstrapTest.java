package org.mhbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentile bootstrap: degenerate cases, reproducibility, and agreement with theory. */
class BootstrapTest {

    private final Bootstrap bootstrap = Bootstrap.defaults();

    @Test
    void degenerateData() {
        assertTrue(Double.isNaN(bootstrap.proportion(0, 0, 1).low()));
        assertEquals(Interval.point(1.0), bootstrap.proportion(1, 1, 1));
        assertEquals(Interval.point(0.0), bootstrap.proportion(0, 108, 1));
        assertEquals(Interval.point(1.0), bootstrap.proportion(90, 90, 1));
        assertEquals(Interval.point(0.4), bootstrap.mean(new double[] {0.4, 0.4, 0.4}, 1));
        assertEquals(Interval.UNDEFINED, bootstrap.mean(new double[0], 1));
    }

    @Test
    void sameSeedSameInterval() {
        assertEquals(bootstrap.proportion(57, 149, 42), bootstrap.proportion(57, 149, 42));
        assertEquals(bootstrap.mean(new double[] {1, 0, 1, 0, 0}, 3), bootstrap.mean(new double[] {1, 0, 1, 0, 0}, 3));
    }

    @Test
    void proportionIntervalMatchesTheNormalApproximation() {
        // p = 0.5, n = 400: sd = 0.025, 95% interval about 0.5 +- 0.049
        Interval ci = bootstrap.proportion(200, 400, 7);
        assertEquals(0.451, ci.low(), 0.006);
        assertEquals(0.549, ci.high(), 0.006);
    }

    @Test
    void proportionFastPathAgreesWithResamplingTheData() {
        double[] data = new double[149];
        for (int i = 0; i < 57; i++) {
            data[i] = 1;
        }
        Interval direct = bootstrap.mean(data, 11);
        Interval fast = bootstrap.proportion(57, 149, 11);
        assertEquals(direct.low(), fast.low(), 0.01);
        assertEquals(direct.high(), fast.high(), 0.01);
    }

    @Test
    void numpyLinearPercentile() {
        double[] sorted = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        assertEquals(0.025, Bootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(0.975, Bootstrap.quantile(sorted, 0.975), 1e-12);
        assertEquals(0.0, Bootstrap.quantile(sorted, 0), 1e-12);
        assertEquals(1.0, Bootstrap.quantile(sorted, 1), 1e-12);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1000, 1.0));
        assertThrows(IllegalArgumentException.class, () -> bootstrap.proportion(5, 4, 0));
    }
}
