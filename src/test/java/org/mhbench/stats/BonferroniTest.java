package org.mhbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BonferroniTest {

    @Test
    void multipliesByTheNumberOfDefinedTestsAndCapsAtOne() {
        double[] p = {0.01, Double.NaN, 0.2, 0.0004};
        assertEquals(3, Bonferroni.familySize(p));
        assertArrayEquals(new double[] {0.03, Double.NaN, 0.6000000000000001, 0.0012}, Bonferroni.adjust(p), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.0}, Bonferroni.adjust(new double[] {0.7, 0.9}));
        assertArrayEquals(new double[0], Bonferroni.adjust(new double[0]));
    }
}
