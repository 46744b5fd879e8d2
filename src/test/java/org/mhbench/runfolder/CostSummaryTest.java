package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A resumed run's cost adds its tries, stages included. */
class CostSummaryTest {

    @Test
    void stagesAreSplitFromTheWallTimeAndAddedOverTries() {
        CostSummary first = CostSummary.of(10, 12.0, 20, "estimate", 0.1, null, null)
                .withStages(StageCost.of(20, 4));
        assertEquals(6, first.generation().seconds(), 1e-9, "generation is wall time less judging");
        assertEquals(20 / 6.0, first.generation().itemsPerSecond(), 0.001);
        assertEquals(5, first.judging().itemsPerSecond(), 1e-9);
        CostSummary second = CostSummary.of(5, 6.0, 10, "estimate", 0.05, null, null).withStages(null);
        assertNull(second.judging(), "no judge this time");
        CostSummary both = second.plus(first);
        assertEquals(2, both.tries());
        assertEquals(30, both.generation().items());
        assertEquals(11, both.generation().seconds(), 1e-9);
        assertEquals(20, both.judging().items(), "the earlier try's judging is kept");
        assertEquals(15, both.wallSeconds(), 1e-9);
    }
}
