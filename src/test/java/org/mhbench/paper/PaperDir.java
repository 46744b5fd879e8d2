package org.mhbench.paper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The paper's released repository for tests: system property {@code mhbench.paper.dir} (set by
 * surefire to {@code ../shared/paper}). Tests that need it are skipped, with a message, when absent.
 */
public final class PaperDir {

    private PaperDir() {
    }

    /** The folder, or a skipped test when it is not available. */
    public static Path require() {
        String prop = System.getProperty("mhbench.paper.dir");
        Path dir = prop == null ? Path.of("..", "shared", "paper") : Path.of(prop);
        assumeTrue(Files.isDirectory(dir.resolve("results").resolve("stigma")),
                "the paper's data is not at " + dir.toAbsolutePath() + " (set -Dmhbench.paper.dir=PAPER_DIR); "
                        + "skipping the test that needs it");
        return dir;
    }
}
