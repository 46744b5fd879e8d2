package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RunDirectory;

/**
 * {@code mhbench review} on a terminal, as a person uses it: the real command in a tmux pseudo-terminal,
 * keys sent with {@code send-keys}, the screen read with {@code capture-pane}. Needs tmux: skipped on a
 * developer's machine without it, failed under CI ({@code CI=true}), whose {@code .ci/run} installs it.
 */
class ReviewTerminalTest {

    /** Each session gets a tmux server of its own: a new one on a socket just killed can race its shutdown. */
    private final List<String> sockets = new ArrayList<>();
    private String socket;

    @AfterEach
    void stopTmux() throws Exception {
        for (String s : sockets) {
            new ProcessBuilder("tmux", "-L", s, "kill-server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReviewerSettlesVerdictsWithSingleKeysAndComesBackLater(@TempDir Path tmp) throws Exception {
        requireTmux();
        Path dir = tmp.resolve("run");
        CliRun run = CliRun.of("run", "-e", "responses", "-m", TestFixtures.tinyModel().toString(), "--backend",
                "jni", "-t", "1", "--max-tokens", "60", "--system-prompt", "none", "--judge", "onnx", "--no-score",
                "--out", dir.toString());
        assertEquals(0, run.status(), run.err());

        start(dir, "--all");
        await("1 of 10");
        String first = screen();
        assertTrue(first.contains("question ") && first.contains("client ") && first.contains("reply ")
                && first.contains("judge ") && first.contains("y yes   n no   s skip   b back   q quit"), first);
        for (String line : first.split("\n")) {
            assertTrue(line.length() <= 100, "fits the 100-column window: " + line);
        }
        key("y");
        await("2 of 10");
        key("n");
        await("3 of 10");
        key("s");
        await("4 of 10");
        key("b");
        await("3 of 10");
        key("Left"); // ← is back too
        await("2 of 10");
        assertTrue(screen().contains("you        no (recorded"), screen());
        key("y"); // changes the answer
        await("3 of 10");
        key("q");
        await("EXIT=0");
        assertTrue(screen().contains("recorded 2 verdicts of human:ann (1 skipped, 8 of 10 still to settle)"),
                screen());
        List<Judgment> ann = people(dir);
        assertEquals(2, ann.size());
        assertTrue(ann.stream().allMatch(j -> j.answer().equals("yes")), "the corrected answer replaced the first");

        stopTmux();
        start(dir, "--all");
        await("1 of 8"); // what ann settled is not asked again
        key("y");
        await("2 of 8");
        key("C-c"); // Ctrl-C stops as q does
        await("EXIT=0");
        assertTrue(screen().contains("recorded 1 verdict of human:ann"), screen());
        assertEquals(3, people(dir).size());

        CliRun noTerminal = CliRun.of("review", dir.toString(), "--reviewer", "ann", "--all");
        assertEquals(ExitCodes.USAGE, noTerminal.status(), noTerminal.err());
        assertTrue(noTerminal.err().contains("--export FILE.csv"), noTerminal.err());
    }

    private static List<Judgment> people(Path dir) throws IOException {
        return RunDirectory.readJudgments(dir).stream().filter(j -> j.judge().equals("human:ann")).toList();
    }

    private void start(Path dir, String... extra) throws Exception {
        // the class path can be longer than a tmux command may be: the command goes in a script
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(quote(java), "-cp", quote(System.getProperty("java.class.path")),
                Main.class.getName(), "review", quote(dir.toString()), "--reviewer", "ann"));
        cmd.addAll(List.of(extra));
        socket = "mhbench-test-" + UUID.randomUUID();
        sockets.add(socket);
        Path script = dir.resolveSibling("review.sh");
        // the shell traps Ctrl-C (so it lives on to print the exit status); the command gets it as usual
        Files.writeString(script, "trap 'echo' INT\n" + String.join(" ", cmd) + "; echo EXIT=$?; sleep 120\n");
        tmux("new-session", "-d", "-x", "100", "-y", "30", "sh " + quote(script.toString()));
    }

    private void key(String k) throws Exception {
        tmux("send-keys", "-t", "0", k);
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", "0");
    }

    private void await(String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (screen().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the screen never showed '" + text + "':\n" + screen());
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void requireTmux() {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(d, "tmux"));
        }
        if (!found && "true".equals(System.getenv("CI"))) {
            fail("tmux is missing; .ci/run installs it");
        }
        assumeTrue(found, "tmux is not installed");
    }
}
