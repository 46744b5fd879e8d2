package org.mhbench.generate.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the process for de.kherud:llama before its classes load.
 *
 * <p>Binding bug worked around here: at start-up {@code LlamaLoader} deletes every file named
 * {@code llama*} or {@code jllama*} in its temporary folder, which defaults to
 * {@code java.io.tmpdir} and so can delete other programs' files (or another worker's library in
 * use). We point {@code de.kherud.llama.tmpdir} at a fresh owner-only folder of our own.
 */
public final class NativeLibrary {

    static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    private NativeLibrary() {
    }

    /**
     * Sets the binding's temporary folder to a private one, unless the user set it. Idempotent; must
     * run before the first use of any {@code de.kherud.llama} class.
     *
     * @return the folder the binding will extract its native library to
     */
    public static synchronized Path prepare() {
        String existing = System.getProperty(TMPDIR_PROPERTY);
        if (existing != null && !existing.isBlank()) {
            return Path.of(existing);
        }
        try {
            Path dir = Files.createTempDirectory("mhbench-native-");
            dir.toFile().deleteOnExit();
            System.setProperty(TMPDIR_PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private folder for the llama.cpp native library", e);
        }
    }
}
