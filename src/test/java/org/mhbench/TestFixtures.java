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

    /** ../shared/paper when present (system property mhbench.paper.dir, set by the build). */
    public static Optional<Path> paperDir() {
        String p = System.getProperty("mhbench.paper.dir");
        if (p == null) {
            return Optional.empty();
        }
        Path dir = Path.of(p);
        return Files.isDirectory(dir.resolve("results")) ? Optional.of(dir) : Optional.empty();
    }
}
