package org.mhbench.paper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A result folder of the paper, named by its settings joined with {@code &}, e.g.
 * {@code model=gpt-4o-2024-08-06&steel-man-prompt=True}.
 *
 * @param path     the folder
 * @param settings key → value, in name order
 */
public record PaperRunFolder(Path path, Map<String, String> settings) {

    /** Parses a folder name; empty when it is not of the {@code key=value&…} form. */
    public static Optional<PaperRunFolder> parse(Path folder) {
        String name = folder.getFileName().toString();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String part : name.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            settings.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return Optional.of(new PaperRunFolder(folder, Map.copyOf(settings)));
    }

    /** A setting's value, or empty. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** A True/False setting. */
    public Optional<Boolean> flag(String key) {
        return get(key).map(v -> {
            if (v.equals("True")) {
                return true;
            }
            if (v.equals("False")) {
                return false;
            }
            throw new PaperFormatException(path, 0, key + " is '" + v + "', expected True or False");
        });
    }
}
