package org.mhbench.util;

import java.nio.file.Path;

/**
 * mhbench's cache folder (test models, llama-server builds): {@code $MHBENCH_HOME/cache}, else
 * {@code $XDG_CACHE_HOME/mhbench}, else {@code ~/.cache/mhbench}. {@code scripts/build-llama.sh} uses
 * the same rule.
 */
public final class CacheDir {

    private CacheDir() {
    }

    public static Path root() {
        String home = System.getenv("MHBENCH_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "cache");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mhbench");
    }
}
