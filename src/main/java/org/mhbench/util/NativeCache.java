package org.mhbench.util;

import java.nio.file.Path;

/**
 * Keeps the native libraries that libraries unpack under mhbench's cache folder ({@link CacheDir})
 * instead of folders of their own in the home directory:
 * <ul>
 *   <li>DJL's HuggingFace tokenizers unpack {@code libtokenizers.so} under {@code ~/.djl.ai}; the
 *       {@code DJL_CACHE_DIR} property moves it to {@code <cache>/djl};</li>
 *   <li>JNA (used by DJL to probe for CUDA) unpacks {@code libjnidispatch} under
 *       {@code ~/.cache/JNA}; the {@code jna.tmpdir} property moves it to {@code <cache>/jna}.</li>
 * </ul>
 * A value the user set (environment variable or system property) is left alone. Must run before the
 * first use of DJL or JNA; cheap and idempotent.
 */
public final class NativeCache {

    /** DJL's cache folder (read by {@code ai.djl.util.Utils.getCacheDir}, environment first). */
    public static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
    /** DJL's engine cache folder, which defaults to {@link #DJL_CACHE_DIR}. */
    public static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    /** JNA's folder for its unpacked native library. */
    public static final String JNA_TMPDIR = "jna.tmpdir";

    private NativeCache() {
    }

    /** Sets the properties that are not set yet, pointing into {@link CacheDir#root()}. */
    public static synchronized void configure() {
        Path root = CacheDir.root();
        if (unset(DJL_CACHE_DIR) && unset(ENGINE_CACHE_DIR)) {
            System.setProperty(DJL_CACHE_DIR, root.resolve("djl").toString());
        }
        if (blank(System.getProperty(JNA_TMPDIR))) {
            System.setProperty(JNA_TMPDIR, root.resolve("jna").toString());
        }
    }

    private static boolean unset(String name) {
        return blank(System.getenv(name)) && blank(System.getProperty(name));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
