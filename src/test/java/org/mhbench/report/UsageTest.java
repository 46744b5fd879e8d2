package org.mhbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.Completion;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.ResponseRecord;

class UsageTest {

    static ResponseRecord rec(String model, Completion c) {
        return new ResponseRecord(model + c, "stigma", model, "sha", "none", "none", "control", "s", "q", 0, 0,
                Map.of(), List.of(), c, c == null ? new Failure("TIMEOUT", "x") : null, Instant.EPOCH);
    }

    @Test
    void sumsTokensAndTimesPerModelAndSkipsUnknownCounts() {
        List<Usage> u = Usage.of(List.of(
                rec("a", new Completion("x", 100, 11, Completion.FinishReason.LENGTH, 500, 1000)),
                rec("a", new Completion("y", 300, 1, Completion.FinishReason.STOP, 1500, 0)),
                rec("a", null),
                rec("b", new Completion("z", -1, -1, null, 0, 0))));
        Usage a = u.get(0);
        assertEquals(new Usage("a", "stigma", 3, 1, 400, 0, 12, 2.0, 1.0), a);
        assertEquals(200.0, a.promptTokensPerSecond(), 1e-9);
        assertEquals(10.0, a.generationTokensPerSecond(), 1e-9, "tokens after the first, per second");
        Usage b = u.get(1);
        assertEquals(1, b.items());
        assertEquals(0, b.promptTokens());
        assertTrue(Double.isNaN(b.promptTokensPerSecond()));
    }

    @Test
    void cachedPromptTokensAreNotCountedAsProcessed() {
        List<Usage> u = Usage.of(List.of(
                rec("a", new Completion("x", 400, 2, Completion.FinishReason.STOP, 500, 100, List.of(), 300)),
                rec("a", new Completion("y", 400, 2, Completion.FinishReason.STOP, 500, 100, List.of(), null))));
        Usage a = u.get(0);
        assertEquals(800, a.promptTokens());
        assertEquals(300, a.cachedTokens());
        assertEquals(500, a.evaluatedTokens());
        assertEquals(500.0, a.promptTokensPerSecond(), 1e-9, "500 evaluated tokens in 1 s, not 800");
        assertEquals(2 / 1.2, a.itemsPerSecond(), 1e-9);
    }
}
