package org.mhbench.paper;

import java.nio.file.Path;
import org.mhbench.TestFixtures;

/**
 * The paper's released repository for tests, with its stigma results: {@link TestFixtures#requirePaperDir}
 * (system property {@code mhbench.paper.dir}, set by surefire to {@code ../shared/paper}). Missing, a test
 * that needs it is skipped on a developer's machine and fails under CI.
 */
public final class PaperDir {

    private PaperDir() {
    }

    /** The folder; when it is absent, a skipped test (a failed one under CI). */
    public static Path require() {
        return TestFixtures.requirePaperDir("results/stigma");
    }
}
