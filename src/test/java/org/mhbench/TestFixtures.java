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
