package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Completion;
import org.mhbench.run.Failure;
import org.mhbench.run.ResponseRecord;

/** The progress bar as it reaches a log (tests have no console): plain lines, the final one once. */
class ProgressTest {

    static ResponseRecord record(String id, boolean failed) {
        return new ResponseRecord(id, "stigma", "m", "abc", "none", "none", "control", "s1", "q1", 0, 1, Map.of(),
                List.of(ChatMessage.user("hi")),
                failed ? null : new Completion("A", 3, 1, Completion.FinishReason.STOP, 1.0, 1.0),
                failed ? new Failure("CONTEXT_OVERFLOW", "too long") : null, Instant.EPOCH);
    }

    @Test
    void printsTheFinalStateOnceWithTheFailureCount() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (Progress p = new Progress("stigma", 3)) {
            p.record(record("a", false));
            p.record(record("b", true));
            p.record(record("c", false));
        } finally {
            System.setErr(saved);
        }
        List<String> lines = Arrays.asList(err.toString(StandardCharsets.UTF_8).split("\n"));
        List<String> done = lines.stream().filter(l -> l.contains("100%")).toList();
        assertEquals(1, done.size(), "final state once: " + lines);
        assertTrue(done.get(0).contains("3/3") && done.get(0).contains(" 1 failed"), done.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r")), "no carriage returns in a log");
    }
}
