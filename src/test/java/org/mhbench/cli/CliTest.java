package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;


/** The command line as a user meets it: help, version, exit statuses, one-line errors. */
class CliTest {

    @TempDir
    Path tmp;


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void versionAndHelp() {
        CliRun v = run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("mhbench "), v.out());
        assertTrue(v.out().contains("de.kherud:llama 4.2.0"), v.out());
        for (String sub : Main.commandLine().getSubcommands().keySet()) {
            if (sub.equals("help")) {
                continue;
            }
            CliRun h = run(sub, "--help");
            assertEquals(0, h.status(), sub);
            assertTrue(h.out().contains("Usage: mhbench " + sub), sub + ": " + h.out());
        }
    }

    @Test
    void badUsageIsStatus2() {
        assertEquals(2, run("--no-such-option").status());
        assertEquals(2, run("generate").status(), "missing --prompt");
        assertEquals(2, run("make-test-model", "--out", "x.gguf", "--size", "huge").status());
        assertEquals(2, run().status(), "missing subcommand");
    }

    /** A command line picocli cannot parse: one line with what is wrong and where help is, not the usage. */
    @Test
    void usageErrorsAreOneLinePointingToHelp() {
        for (String[] args : new String[][] {{"--no-such-option"}, {"run", "--no-such-option"},
                {"score"}, {"run", "--max-tokens", "many"}, {"make-test-model", "--out", "x.gguf", "--size", "huge"},
                {}, {"scroe", "x"}}) {
            CliRun r = run(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("mhbench"), r.err());
            assertTrue(r.err().contains("--help'"), r.err());
            assertFalse(r.err().contains("Usage:"), r.err());
        }
        CliRun typo = run("run", "--max-token", "3");
        assertTrue(typo.err().startsWith("mhbench run: "), typo.err());
        assertTrue(typo.err().contains("did you mean --max-tokens"), typo.err());
        assertTrue(typo.err().contains("see 'mhbench run --help'"), typo.err());
    }

    @Test
    void missingModelFileIsOneLineStatus2() {
        CliRun r = run("generate", "--model", tmp.resolve("nope.gguf").toString(), "--prompt", "hi");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("nope.gguf"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void twoModelsUnderOneLabelAreRefused() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Path m1 = Files.copy(TestFixtures.tinyModel(), a.resolve("same.gguf"));
        Path m2 = Files.copy(TestFixtures.tinyModel(), b.resolve("same.gguf"));
        CliRun r = run("run", "-m", m1.toString(), "-m", m2.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("labelled 'same'"), r.err());
    }

    @Test
    void damagedModelIsRejectedBeforeNativeCodeSeesIt() throws IOException {
        Path bad = tmp.resolve("bad.gguf");
        Files.write(bad, "GGML not really".getBytes());
        CliRun r = run("models", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.gguf"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        CliRun g = run("generate", "--model", bad.toString(), "--prompt", "hi");
        assertEquals(2, g.status(), g.err());
    }

    /** {@code models} reads every file it is given, reports each bad one, and fails at the end. */
    @Test
    void modelsReportsEachBadFileAndGoesOn() throws IOException {
        Path bad = tmp.resolve("bad.gguf");
        Files.write(bad, "GGML not really".getBytes());
        Path folder = Files.createDirectories(tmp.resolve("models"));
        Files.copy(TestFixtures.tinyModel(), folder.resolve("tiny.gguf"));
        CliRun r = run("models", bad.toString(), folder.toString(), tmp.resolve("absent.gguf").toString(),
                folder.resolve("tiny.gguf").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.out().contains(folder.resolve("tiny.gguf").toString()) && r.out().contains("llama"),
                "the good file after the bad ones is described: " + r.out());
        assertTrue(r.err().contains("bad.gguf"), r.err());
        assertTrue(r.err().contains(folder + " is a directory, not a model file: give a .gguf file; it holds "
                + "tiny.gguf"), r.err());
        assertTrue(r.err().contains("absent.gguf"), r.err());
        assertTrue(r.err().contains("3 of 4 files could not be read"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aFolderGivenAsAModelIsNamedAsAFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("models"));
        CliRun r = run("generate", "--model", folder.toString(), "--prompt", "hi");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(folder + " is a directory, not a model file: give a .gguf file"), r.err());
        assertFalse(r.err().contains("not found"), r.err());
    }

    @Test
    void makeTestModelThenModelsDescribesIt() {
        Path f = tmp.resolve("t.gguf");
        CliRun w = run("make-test-model", "--out", f.toString(), "--size", "tiny", "--seed", "3");
        assertEquals(0, w.status(), w.err());
        CliRun m = run("models", f.toString());
        assertEquals(0, m.status(), m.err());
        assertTrue(m.out().contains("llama"), m.out());
        assertTrue(m.out().toLowerCase().contains("chatml"), m.out());
    }

    @Test
    void generatePrintsACompletion() {
        CliRun r = run("generate", "--model", TestFixtures.tinyModel().toString(), "--prompt", "Hello there",
                "--max-tokens", "6", "--threads", "1", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"completion\""), r.out());
        assertTrue(r.out().contains("\"template\":\"chatml\""), r.out());
    }
}
