package org.mhbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Welch's t-test against scipy.stats.ttest_ind(equal_var=False). */
class WelchTestTest {

    @Test
    void binaryData() {
        TestResult r = WelchTest.test(new double[] {1, 0, 1, 1, 0, 1, 1}, new double[] {0, 0, 1, 0, 0});
        assertEquals(1.890378113437813, r.statistic(), 1e-12);
        assertEquals(9.240588278151899, r.df(), 1e-9);
        assertEquals(0.09042882527336676, r.p(), 1e-9);
    }

    @Test
    void continuousData() {
        TestResult r = WelchTest.test(new double[] {2.1, 3.4, 1.9, 5.6, 4.4, 3.3}, new double[] {1.2, 0.8, 2.5, 1.9});
        assertEquals(2.705707969270383, r.statistic(), 1e-12);
        assertEquals(7.827024436990896, r.df(), 1e-9);
        assertEquals(0.027376707826534775, r.p(), 1e-9);
    }

    @Test
    void degenerateCasesFollowScipy() {
        TestResult distinct = WelchTest.test(new double[] {1, 1, 1}, new double[] {0, 0});
        assertEquals(Double.POSITIVE_INFINITY, distinct.statistic());
        assertEquals(0.0, distinct.p());
        assertTrue(distinct.note().contains("constant"));
        TestResult equal = WelchTest.test(new double[] {1, 1}, new double[] {1, 1, 1});
        assertTrue(Double.isNaN(equal.p()));
        assertTrue(Double.isNaN(WelchTest.test(new double[] {1}, new double[] {0, 1}).p()), "n < 2");
        TestResult oneConstant = WelchTest.test(new double[] {0, 0, 0, 0}, new double[] {0, 1, 1, 0, 1});
        assertTrue(oneConstant.p() > 0 && oneConstant.p() < 1);
    }
}
