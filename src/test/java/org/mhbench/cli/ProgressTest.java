package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.ResponseRecord;

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

    /** Waits (at most 5 s) until the bar has drawn its first line: it draws on a timer of its own. */
    private static void waitForALine() {
        PrintStream err = System.err;
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline && !(err instanceof CountingStream c && c.lines() > 0)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A stderr that counts the lines printed to it. */
    private static final class CountingStream extends PrintStream {
        private final ByteArrayOutputStream bytes;

        CountingStream(ByteArrayOutputStream bytes) {
            super(bytes, true, StandardCharsets.UTF_8);
            this.bytes = bytes;
        }

        long lines() {
            return bytes.toString(StandardCharsets.UTF_8).lines().count();
        }
    }

    /** Captures what the bars made in {@code body} print to stderr, line by line. */
    private static List<String> stderrOf(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new CountingStream(err));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return Arrays.asList(err.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void aResumedJobStartsTheBarAtWhatItAlreadyHad() {
        List<String> lines = stderrOf(() -> {
            try (Progress p = new Progress("stigma", 10, 7, " items", false)) {
                waitForALine();
                p.record(record("a", false));
                p.record(record("b", false));
                p.record(record("c", true));
            }
        });
        assertTrue(lines.get(0).contains("7/10"), "starts at what was done: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains(" 0/10")), "never shows 0: " + lines);
        assertTrue(lines.get(lines.size() - 1).contains("10/10"), lines.toString());
        assertThrows(IllegalArgumentException.class, () -> new Progress("x", 3, 4, " items", false));
    }

    /** Off a terminal (a CI log) the bar prints a line every few seconds, not once a minute. */
    @Test
    void offATerminalALineComesWithinSeconds() {
        assertTrue(Progress.LOG_INTERVAL_MILLIS <= 10_000, "at most 10 s between lines in a log");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        boolean seen = false;
        try (Progress p = new Progress("stigma", 100, 0, " items", false)) {
            p.record(record("a", false));
            long deadline = System.currentTimeMillis() + Progress.LOG_INTERVAL_MILLIS + 3_000;
            while (!seen && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                seen = err.toString(StandardCharsets.UTF_8).contains(" 1/100");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setErr(saved);
        }
        assertTrue(seen, "a line while the job runs, before the bar closes: " + err.toString(StandardCharsets.UTF_8));
    }
}
