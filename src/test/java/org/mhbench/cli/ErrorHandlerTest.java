package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.gguf.GgufFormatException;
import org.mhbench.paper.PaperFormatException;
import org.mhbench.responses.JudgeConflictException;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.util.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Exit statuses: a user's mistake is status 2 in one line; a broken invariant (an
 * IllegalArgumentException from our own code among others) is an internal error, status 1, whose line
 * asks for a report.
 */
class ErrorHandlerTest {

    @TempDir
    Path tmp;

    @Test
    void userMistakesAreStatus2() {
        Path f = Path.of("x.json");
        for (Throwable e : new Throwable[] {new UserError("bad"), new BadInputException("bad"),
                new StimulusFormatException(f, 3, "bad"), new PaperFormatException(f, 3, "bad"),
                new GgufFormatException("bad"), new JudgeConflictException("bad"), new NoSuchFileException("x"),
                new UncheckedIOException(new NoSuchFileException("x"))}) {
            assertEquals(ExitCodes.USAGE, ErrorHandler.statusOf(e), e.toString());
            assertFalse(ErrorHandler.isInternal(e), e.toString());
        }
    }

    @Test
    void bugsAreInternalErrorsWithStatus1() {
        for (Throwable e : new Throwable[] {new IllegalArgumentException("threads must be >= 0"),
                new IllegalStateException("x"), new NullPointerException("x"), new NumberFormatException("x"),
                new ArrayIndexOutOfBoundsException(3)}) {
            assertEquals(ExitCodes.FAILED, ErrorHandler.statusOf(e), e.toString());
            assertTrue(ErrorHandler.isInternal(e), e.toString());
            assertTrue(ErrorHandler.messageOf(e).startsWith("internal error: " + e.getClass().getSimpleName()),
                    ErrorHandler.messageOf(e));
        }
    }

    @Test
    void failedRunsAndIoErrorsAreStatus1ButNoBug() {
        for (Throwable e : new Throwable[] {new RunFailed("the model failed"), new IOException("disk full"),
                new UncheckedIOException(new IOException("disk full"))}) {
            assertEquals(ExitCodes.FAILED, ErrorHandler.statusOf(e), e.toString());
            assertFalse(ErrorHandler.isInternal(e), e.toString());
        }
    }

    /** A subcommand for this test only, whose body throws what it is given. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Supplier<RuntimeException> what;

        Boom(Supplier<RuntimeException> what) {
            this.what = what;
        }

        @Override
        public Integer call() {
            throw what.get();
        }
    }

    private static CliRun boom(Supplier<RuntimeException> what, String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("boom", new Boom(what));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void anInvariantBrokenInsideACommandIsAnInternalErrorToReport() {
        CliRun r = boom(() -> new IllegalArgumentException("parallel slots must be >= 1, got 0"), "boom");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals("mhbench boom: internal error: IllegalArgumentException: parallel slots must be >= 1, got 0 "
                + ErrorHandler.REPORT_IT, r.err().strip());

        CliRun verbose = boom(() -> new IllegalArgumentException("parallel slots must be >= 1, got 0"), "--verbose",
                "boom");
        assertEquals(ExitCodes.FAILED, verbose.status());
        assertTrue(verbose.err().startsWith("mhbench boom: internal error: IllegalArgumentException: parallel slots "
                + "must be >= 1, got 0 (please report it, with the stack trace below)"), verbose.err());
        assertTrue(verbose.err().contains("at org.mhbench.cli.ErrorHandlerTest$Boom.call"), verbose.err());
    }

    @Test
    void aUserMistakeInsideACommandIsOneLineStatus2() {
        CliRun r = boom(() -> new UserError("--alpha must be between 0 and 1, got 2"), "boom");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("mhbench boom: --alpha must be between 0 and 1, got 2", r.err().strip());
        CliRun deeper = boom(() -> new BadInputException("labels.jsonl:3: repeated id a"), "boom");
        assertEquals(ExitCodes.USAGE, deeper.status());
        assertEquals("mhbench boom: labels.jsonl:3: repeated id a", deeper.err().strip());
    }

    /** Exit 2 and a single line holding {@code expected}. */
    private static void mistake(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.USAGE, r.status(), String.join(" ", args) + ": " + r.err());
        String line = r.err().lines().filter(l -> l.startsWith("mhbench ")).reduce((a, b) -> b).orElse("");
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("mhbench ")).count(), r.err());
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
    }

    /** Option values that the experiments' and models' own records refuse are named as the user's options. */
    @Test
    void badOptionValuesAreUserMistakes() throws IOException {
        String model = TestFixtures.tinyModel().toString();
        String out = tmp.resolve("run").toString();
        mistake("--threads must be 0", "run", "-m", model, "--threads", "-1", "--out", out);
        mistake("--parallel must be 1 or more", "run", "-m", model, "--parallel", "0", "--out", out);
        mistake("--ctx-size must be 0", "generate", "-m", model, "-p", "hi", "--ctx-size", "-5");
        mistake("--samples must be 1 or more", "run", "-m", model, "--samples", "0", "--out", out);
        mistake("--temperature must be 0 or more", "run", "-m", model, "--temperature", "-0.5", "--out", out);
        mistake("--max-tokens must be 1 or more", "run", "-m", model, "--max-tokens", "0", "--out", out);
        mistake("--max-tokens must be 1 or more", "generate", "-m", model, "-p", "hi", "--max-tokens", "0");
        mistake("--system-prompt: system-prompt file not found: " + tmp.resolve("nope.txt"), "run", "-m", model,
                "--system-prompt", tmp.resolve("nope.txt").toString(), "--out", out);
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve("same.txt"), "Be kind.");
        Files.writeString(b.resolve("same.txt"), "Be brief.");
        mistake("--system-prompt: two system prompts share the label same", "run", "-m", model, "--system-prompt",
                a.resolve("same.txt") + "," + b.resolve("same.txt"), "--out", out);
        mistake("--interval: the interval must be an even number", "run", "-m", model, "-e", "responses",
                "--transcripts", "--interval", "3", "--out", out);
        mistake("--offsets: offsets must be strictly increasing", "run", "-m", model, "-e", "responses",
                "--transcripts", "--offsets", "4,2", "--out", out);
        mistake("--request-timeout must be 1 second or more", "run", "-m", model, "--request-timeout", "0",
                "--out", out);
        assertFalse(Files.exists(tmp.resolve("run")), "nothing was started");
    }

    @Test
    void badValuesOfOtherCommandsAreUserMistakes() throws IOException {
        Path run = tmp.resolve("run");
        Path replies = Files.writeString(tmp.resolve("replies.csv"), "stimulus,response\nbridge,How are you?\n");
        assertEquals(0, CliRun.of("import-responses", replies.toString(), "--source", "a", "--out", run.toString())
                .status());
        mistake("--alpha must be between 0 and 1, got 2.0", "score", run.toString(), "--alpha", "2");
        mistake("--bootstrap-resamples: bootstrap resamples must be >= 100", "score", run.toString(),
                "--bootstrap-resamples", "5");
        mistake(run + " already exists and is not an empty folder", "import-paper", "--from",
                Files.createDirectories(tmp.resolve("paper/results")).getParent().toString(), "--out", run.toString());
        Path labels = Files.writeString(tmp.resolve("labels.jsonl"), "{\"id\": \"a\"}\n");
        mistake("--threads must be 1 or more", "train-judge", "--labels", labels.toString(), "--threads", "0",
                "--out", tmp.resolve("judge").toString());
        mistake(labels + ":1: ", "validate-judge", "--labels", labels.toString());
        mistake("not the paper's folder", "export-labels", "--from-paper",
                Files.createDirectories(tmp.resolve("not-the-paper")).toString(),
                "--out", tmp.resolve("l.jsonl").toString());
        Path good = Files.writeString(tmp.resolve("good.jsonl"), "{\"id\": \"a\", \"criterion\": \"bridge\", "
                + "\"question\": \"Does it name a bridge?\", \"query\": \"q\", \"response\": \"r\", "
                + "\"label\": \"no\"}\n");
        mistake("not an ONNX judge folder", "validate-judge", "--labels", good.toString(), "--judge",
                tmp.toString());
    }
}
