package org.mhbench.stimuli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mhbench.util.Hashing;
import org.mhbench.util.Home;

/**
 * A system-prompt setting: the text put before the answer instruction in the system message, and
 * the label that names the setting in records and tables.
 *
 * <p>Three kinds: {@code none} (the system message is only the answer instruction),
 * {@code steel-man} (our guideline-based therapist prompt, {@code stimuli/system-prompts/steel-man.txt}),
 * or any text file (labelled by its file name without extension, e.g. a user's copy of the paper's
 * original prompt). A file's text is used byte for byte, final newline included; the message is
 * {@code text + "\n" + instruction}, as in the paper.
 *
 * @param label  {@code none}, {@code steel-man} or the file's stem; letters, digits, {@code _.-}
 * @param text   the prompt text, or {@code null} for {@code none}
 * @param source where the text came from (a path), or {@code null}
 */
public record SystemPrompt(String label, String text, String source) {

    /** The folder of shipped system prompts, relative to the checkout or install folder. */
    public static final Path DEFAULT_DIR = Path.of("stimuli", "system-prompts");
    public static final String NONE = "none";
    public static final String STEEL_MAN = "steel-man";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    public SystemPrompt {
        Objects.requireNonNull(label, "label");
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("system-prompt label '" + label
                    + "' may use only letters, digits and _.- (rename the file)");
        }
        if ((text == null) != NONE.equals(label)) {
            throw new IllegalArgumentException("system prompt " + label + ": only 'none' has no text");
        }
    }

    /** No system prompt beyond the answer instruction. */
    public static SystemPrompt none() {
        return new SystemPrompt(NONE, null, null);
    }

    /** Our steel-man prompt, read from {@code dir/steel-man.txt}. */
    public static SystemPrompt steelMan(Path dir) {
        Path file = dir.resolve(STEEL_MAN + ".txt");
        return new SystemPrompt(STEEL_MAN, read(file), file.toString());
    }

    /** A prompt from any text file, labelled by the file name without its extension. */
    public static SystemPrompt fromFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (NONE.equals(stem)) {
            throw new IllegalArgumentException("a system-prompt file may not be called 'none': " + file);
        }
        return new SystemPrompt(stem, read(file), file.toString());
    }

    /**
     * Parses a command-line value with the shipped system-prompt folder ({@link #DEFAULT_DIR} inside
     * mhbench's install folder, {@link Home}): {@code none}, {@code steel-man}, or a path to a text file.
     */
    public static SystemPrompt parse(String value) {
        return parse(value, Home.dir().resolve(DEFAULT_DIR));
    }

    /**
     * Parses a command-line value: {@code none}, {@code steel-man} (from {@code systemPromptsDir}), or
     * a path to a text file.
     */
    public static SystemPrompt parse(String value, Path systemPromptsDir) {
        if (NONE.equals(value)) {
            return none();
        }
        if (STEEL_MAN.equals(value)) {
            return steelMan(systemPromptsDir);
        }
        return fromFile(Path.of(value));
    }

    /**
     * Checks that a list of settings is non-empty and that no two share a label (labels key the
     * records, so two settings with one label would overwrite each other's items).
     *
     * @return the list, copied
     */
    public static List<SystemPrompt> requireDistinctLabels(List<SystemPrompt> prompts) {
        List<SystemPrompt> copy = List.copyOf(prompts);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one system-prompt setting is needed");
        }
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (SystemPrompt p : copy) {
            if (!labels.add(p.label())) {
                throw new IllegalArgumentException("two system prompts share the label " + p.label()
                        + "; rename one of the files");
            }
        }
        return copy;
    }

    /** SHA-256 of the text, or {@code null} for {@code none}. */
    public String sha256() {
        return text == null ? null : Hashing.sha256(text);
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("system-prompt file not found: " + file
                    + " (give 'none', 'steel-man' or the path of a text file)");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new IllegalArgumentException("system-prompt file is empty: " + file);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
