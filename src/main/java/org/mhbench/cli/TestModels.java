package org.mhbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mhbench.testmodel.TestModelSize;
import org.mhbench.testmodel.TestModelWriter;
import org.mhbench.util.CacheDir;
import org.mhbench.util.PrivateFiles;

/**
 * The built-in default model: a tiny llama-architecture GGUF with random weights, generated on
 * first use into mhbench's cache folder. It checks the machinery (loading, templating, generation,
 * recording, scoring), never the quality of any real model.
 */
final class TestModels {

    /** The label runs on the default model carry, so no reader mistakes it for a real model. */
    static final String LABEL = "mhbench-test-tiny-random";
    static final long SEED = 42;

    private final Path cacheDir;

    TestModels(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Cache under $MHBENCH_HOME, else $XDG_CACHE_HOME/mhbench, else ~/.cache/mhbench. */
    static TestModels inDefaultCache() {
        return new TestModels(CacheDir.root());
    }

    /** The tiny test model, written if missing (same seed, same bytes), announced on stderr. */
    Path defaultModel() {
        Path file = ensure();
        System.err.println("NOTE: no --model given: running the built-in test model " + LABEL + " (random weights)."
                + " This checks the machinery only; its numbers say nothing about any real model."
                + " See README.md, 'Running real models'.");
        return file;
    }

    private Path ensure() {
        Path file = cacheDir.resolve("test-models").resolve("mhbench-test-tiny-seed" + SEED
                + "-gen" + TestModelWriter.GENERATOR_VERSION + ".gguf");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "tiny-", ".gguf.tmp");
            TestModelWriter.write(tmp, TestModelSize.TINY, SEED);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.file(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the built-in test model to " + file, e);
        }
    }
}
