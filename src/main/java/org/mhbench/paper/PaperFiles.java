package org.mhbench.paper;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mhbench.util.Jsonl;

/** File-system helpers shared by the paper importers: a deterministic listing, run dates, JSON Lines rows. */
final class PaperFiles {

    private PaperFiles() {
    }

    /** The entries of {@code dir}, sorted by name so that imports are deterministic. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PaperFormatException(dir, 0, "not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** What the importers do with each row of a JSON Lines file. */
    @FunctionalInterface
    interface Row {
        void accept(int line, ObjectNode row);
    }

    /**
     * Each row of a JSON Lines file, with its line, one at a time; blank lines are skipped.
     *
     * @throws PaperFormatException {@code FILE:LINE: reason} for a line that is not a JSON object
     */
    static void forEachRow(Path file, Row each) {
        try {
            Jsonl.forEachNode(file, (line, node) -> {
                if (!(node instanceof ObjectNode row)) {
                    throw new PaperFormatException(file, line, "each line must be a JSON object");
                }
                each.accept(line, row);
            });
        } catch (Jsonl.BadLine e) {
            throw new PaperFormatException(file, e.line(), e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Midnight UTC of the file name's date (e.g. 2025-01-19.jsonl), else the file's modification time. */
    static Instant dateOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        try {
            return LocalDate.parse(stem).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Files.getLastModifiedTime(file).toInstant();
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }
}
