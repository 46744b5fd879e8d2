package org.mhbench.util;

import java.nio.file.Path;

/**
 * mhbench's cache folder: {@code $MHBENCH_HOME/cache}, else {@code $XDG_CACHE_HOME/mhbench}, else
 * {@code ~/.cache/mhbench}. The built-in test model lives there, llama-server builds
 * ({@code scripts/build-llama.sh} uses the same rule), and the native libraries that DJL's tokenizers
 * and JNA unpack ({@link NativeCache}).
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
