package org.mhbench.judge.labels;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mhbench.util.BadInputException;
import org.mhbench.util.Json;
import org.mhbench.util.Jsonl;
import org.mhbench.util.PrivateFiles;

/** Reads and writes labels files (JSON Lines of {@link LabelledItem}). */
public final class LabelsFile {

    private LabelsFile() {
    }

    /**
     * Reads every non-blank line.
     *
     * @throws BadInputException {@code FILE:LINE: reason} for a malformed line, a missing field, an unknown
     *                           field, a label other than yes/no, or a repeated id
     */
    public static List<LabelledItem> read(Path file) {
        List<LabelledItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            Jsonl.forEach(file, LabelledItem.class, Json.MAPPER, (n, item) -> {
                if (!ids.add(item.id())) {
                    throw new BadInputException(file + ":" + n + ": repeated id " + item.id());
                }
                items.add(item);
            });
        } catch (Jsonl.BadLine e) {
            throw new BadInputException(e.file() + ":" + e.line() + ": " + e.detail(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** Writes the items, one JSON object per line, owner-only, replacing {@code file} at once. */
    public static void write(Path file, List<LabelledItem> items) {
        try {
            PrivateFiles.replace(file, tmp -> {
                try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (LabelledItem item : items) {
                        out.write(Json.MAPPER.writeValueAsString(item));
                        out.write('\n');
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
