package org.mhbench.judge.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * ONNX Runtime's environment, without the folder it leaves behind.
 *
 * <p>ONNX Runtime 1.20 extracts its native libraries into a fresh {@code onnxruntime-java*} folder in
 * {@code java.io.tmpdir} and only asks for them to be deleted at exit, the folder last registered and
 * so tried first, while still full: every process that used the judge left an empty folder behind.
 * As {@link org.mhbench.generate.llamacpp.NativeLibrary} does for llama.cpp, the folder and the
 * extracted files are removed as soon as the libraries are loaded (POSIX systems keep a mapped file
 * alive after it is unlinked). ONNX Runtime names the folder only in a private field
 * ({@code OnnxRuntime.tempDirectory}), read here by reflection; if a later version renames it, nothing
 * is removed (and {@code NativeFoldersTest} fails).
 */
public final class OnnxNative {

    private static boolean tidied;

    private OnnxNative() {
    }

    /** {@link OrtEnvironment#getEnvironment()}, removing the extraction folder after the first load. */
    public static synchronized OrtEnvironment environment() {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (!tidied) {
            tidied = true;
            extractionFolder().ifPresent(OnnxNative::removeQuietly);
        }
        return env;
    }

    private static Optional<Path> extractionFolder() {
        try {
            Field f = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            f.setAccessible(true);
            return f.get(null) instanceof Path p ? Optional.of(p) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void removeQuietly(Path dir) {
        if (!Files.isDirectory(dir) || !dir.getFileName().toString().startsWith("onnxruntime-java")) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            return; // in use (e.g. on Windows): ONNX Runtime's own delete-on-exit stays
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // as above
        }
    }
}
