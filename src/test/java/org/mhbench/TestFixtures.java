package org.mhbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mhbench.testmodel.TestModelSize;
import org.mhbench.testmodel.TestModelWriter;

/** Shared test fixtures: the tiny test model (written once per test JVM) and the paper folder. */
public final class TestFixtures {

    private static Path tiny;

    private TestFixtures() {
    }

    /** The tiny random-weight llama model, seed 42, in a temp folder deleted at JVM exit. */
    public static synchronized Path tinyModel() {
        if (tiny == null) {
            try {
                Path dir = Files.createTempDirectory("mhbench-test-models-");
                dir.toFile().deleteOnExit();
                tiny = dir.resolve("tiny.gguf");
                TestModelWriter.write(tiny, TestModelSize.TINY, 42);
                tiny.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tiny;
    }

    private static Path qwen3;

    /** The tiny model under the qwen3 architecture (newer than the in-process backend's llama.cpp). */
    public static synchronized Path tinyQwen3Model() {
        if (qwen3 == null) {
            try {
                Path dir = Files.createTempDirectory("mhbench-test-models-");
                dir.toFile().deleteOnExit();
                qwen3 = dir.resolve("tiny-qwen3.gguf");
                TestModelWriter.write(qwen3, TestModelSize.TINY, 42, TestModelWriter.Architecture.QWEN3);
                qwen3.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return qwen3;
    }

    /**
     * The llama-server the server-backend tests use (found as mhbench finds it). Missing, the tests
     * that need it are skipped on a developer's machine, but fail under CI ({@code CI=true}), whose
     * .ci/run builds it: a CI run must never pass without them.
     */
    public static org.mhbench.generate.server.LlamaServerBinary llamaServer() {
        var found = org.mhbench.generate.server.LlamaServerBinary.locate(null);
        if (found.isEmpty()) {
            String why = "no llama-server found (build one with scripts/build-llama.sh)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ": .ci/run should have built it");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, why);
        }
        return found.get();
    }

    /**
     * ../shared/paper when present (system property mhbench.paper.dir, set by the build). For tests
     * that need it, {@link #requirePaperDir(String...)}: this one is for the checks of files held out of every
     * copy (human validation, therapists, bots), which skip when those are absent.
     */
    public static Optional<Path> paperDir() {
        String p = System.getProperty("mhbench.paper.dir");
        if (p == null) {
            return Optional.empty();
        }
        Path dir = Path.of(p);
        return Files.isDirectory(dir.resolve("results")) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * The paper's released data (system property mhbench.paper.dir, set by the build to ../shared/paper),
     * holding the files or folders {@code needed} (relative to it, e.g. {@code results/interjections}).
     * Missing, the test that needs it is skipped on a developer's machine, but fails under CI
     * ({@code CI=true}), whose checkout has it: a CI run must never pass without the reproduction checks.
     */
    public static Path requirePaperDir(String... needed) {
        return requirePaperDir(System.getProperty("mhbench.paper.dir"), "true".equals(System.getenv("CI")), needed);
    }

    /** {@link #requirePaperDir(String...)} with the property's value and whether this is CI given. */
    static Path requirePaperDir(String property, boolean ci, String... needed) {
        Path dir = property == null ? Path.of("..", "shared", "paper") : Path.of(property);
        Path missing = Files.isDirectory(dir.resolve("results")) ? null : dir.resolve("results");
        for (String n : needed) {
            if (missing == null && !Files.exists(dir.resolve(n))) {
                missing = dir.resolve(n);
            }
        }
        if (missing == null) {
            return dir;
        }
        String why = "the paper's data is not there: no " + missing.toAbsolutePath()
                + " (set -Dmhbench.paper.dir=PAPER_DIR)";
        if (ci) {
            throw new AssertionError(why + "; under CI (CI=true) the paper's tests must run, not be skipped");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, why + "; skipping the test that needs it");
        throw new IllegalStateException("unreachable");
    }
}
