package org.mhbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCountsTest {

    @Test
    void oneTestIsOneTest() {
        String md = TestCounts.render(List.of(Map.of("experiment", "stigma", "comparison", "models",
                "significant", "false", "alpha", "0.01", "test", "welch_t")), "stigma");
        assertTrue(md.contains("- between models: **0** of 1 test (welch_t, alpha 0.01)"), md);
    }
}
