package org.mhbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pooled two-proportion z-test (statsmodels proportions_ztest), values from scipy. */
class TwoProportionZTestTest {

    @Test
    void knownValues() {
        TestResult r = TwoProportionZTest.test(275, 350, 159, 350);
        assertEquals(9.032777782074815, r.statistic(), 1e-12);
        assertEquals(1.673683069555245e-19, r.p(), 1e-30);
        TestResult h = TwoProportionZTest.test(75, 80, 28, 50);
        assertEquals(5.162001582526675, h.statistic(), 1e-12);
        assertEquals(2.443232246176904e-07, h.p(), 1e-18);
        assertEquals(-5.162001582526675, TwoProportionZTest.test(28, 50, 75, 80).statistic(), 1e-12);
    }

    @Test
    void degenerate() {
        assertTrue(Double.isNaN(TwoProportionZTest.test(0, 10, 0, 20).p()));
        assertTrue(Double.isNaN(TwoProportionZTest.test(10, 10, 20, 20).p()));
        assertTrue(Double.isNaN(TwoProportionZTest.test(0, 0, 3, 20).p()));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionZTest.test(5, 4, 1, 2));
    }
}
