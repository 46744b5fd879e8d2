package org.mhbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What to tell a user whose model path is not a file. */
final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * Why {@code path} cannot be a model, and what to give instead: a folder is named as a folder
     * (with the {@code .gguf} files in it, if any), anything else as not found.
     */
    static String notAFile(Path path) {
        if (!Files.isDirectory(path)) {
            return "model file not found: " + path + " (give the path of a .gguf file)";
        }
        String inside = "";
        try (Stream<Path> files = Files.list(path)) {
            var ggufs = files.filter(f -> f.getFileName().toString().endsWith(".gguf") && Files.isRegularFile(f))
                    .map(f -> f.getFileName().toString()).sorted().limit(4).toList();
            if (!ggufs.isEmpty()) {
                inside = "; it holds " + String.join(", ", ggufs.subList(0, Math.min(3, ggufs.size())))
                        + (ggufs.size() > 3 ? ", …" : "");
            }
        } catch (IOException e) {
            // say what we know
        }
        return path + " is a directory, not a model file: give a .gguf file" + inside;
    }
}
