package org.mhbench.generate.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the process for de.kherud:llama before its classes load, and tidies up after.
 *
 * <p>Binding bug worked around here: at start-up {@code LlamaLoader} deletes every file named
 * {@code llama*} or {@code jllama*} in its temporary folder, which defaults to
 * {@code java.io.tmpdir} and so can delete other programs' files (or another worker's library in
 * use). We point {@code de.kherud.llama.tmpdir} at a fresh owner-only folder of our own.
 *
 * <p>The binding extracts its 5.5 MB native library into that folder and never removes it (and
 * {@code File.deleteOnExit} cannot remove a folder that still holds a file), so every process used
 * to leave one behind. {@link #loaded()} removes the folder as soon as the library is mapped (POSIX
 * systems keep a mapped file alive after it is unlinked), and a shutdown hook tries again at exit.
 * Only a process killed between the two leaves its folder.
 */
public final class NativeLibrary {

    static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    private static Path ownFolder;

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
            ownFolder = dir;
            System.setProperty(TMPDIR_PROPERTY, dir.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietly(dir), "mhbench-native-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private folder for the llama.cpp native library", e);
        }
    }

    /**
     * Called once a model has loaded, so the library is mapped: removes the private folder and the
     * extracted library now. Does nothing for a folder the user chose. On a system that refuses to
     * delete a file in use, the shutdown hook removes it later.
     */
    public static synchronized void loaded() {
        if (ownFolder != null) {
            removeQuietly(ownFolder);
        }
    }

    private static void removeQuietly(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // in use (e.g. on Windows) or already gone: the shutdown hook tries again
        }
    }
}
