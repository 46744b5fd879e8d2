package org.mhbench.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines files: one JSON value per line, blank lines skipped, streamed with Jackson's
 * {@link MappingIterator}. A line that does not parse, or is not the type asked for, is a {@link BadLine}
 * naming the file and line. A UTF-8 byte-order mark at the start is skipped. Each value must sit on a
 * line of its own, as the format says: a value spread over lines, or two on one line, is a bad line.
 */
public final class Jsonl {

    private Jsonl() {
    }

    /** Receives each value with its 1-based line number. */
    @FunctionalInterface
    public interface Each<T> {
        void accept(int line, T value) throws IOException;
    }

    /**
     * A line that is not a JSON value of the type asked for: {@code FILE:LINE: reason}. An
     * {@link IOException} (the file is not what it should be); callers that read what a user gives turn
     * it into their own bad-input exception with {@link #file()}, {@link #line()} and {@link #reason()}.
     */
    public static final class BadLine extends IOException {

        private final transient Path file;
        private final int line;
        private final String reason;
        private final String detail;

        BadLine(Path file, int line, String reason, String detail, Throwable cause) {
            super(file + ":" + line + ": " + reason, cause);
            this.file = file;
            this.line = line;
            this.reason = reason;
            this.detail = detail;
        }

        public Path file() {
            return file;
        }

        /** The 1-based line. */
        public int line() {
            return line;
        }

        /** What is wrong, e.g. {@code not JSON: Unexpected character ...} or {@code not a Judgment: ...}. */
        public String reason() {
            return reason;
        }

        /** What is wrong without the {@code not JSON: } or {@code not a TYPE: } in front. */
        public String detail() {
            return detail;
        }
    }

    /** Every value of {@code file} as {@code type}, read with {@link Json#LENIENT} (unknown fields ignored). */
    public static <T> List<T> read(Path file, Class<T> type) throws IOException {
        return read(file, type, Json.LENIENT);
    }

    /** Every value of {@code file} as {@code type}, read with {@code mapper}. */
    public static <T> List<T> read(Path file, Class<T> type, ObjectMapper mapper) throws IOException {
        List<T> out = new ArrayList<>();
        forEach(file, type, mapper, (line, value) -> out.add(value));
        return out;
    }

    /** Every line of {@code file} as a {@link JsonNode}, one at a time, with its line number. */
    public static void forEachNode(Path file, Each<JsonNode> each) throws IOException {
        forEach(file, JsonNode.class, Json.LENIENT, each);
    }

    /**
     * Every value of {@code file} as {@code type}, read with {@code mapper}, one at a time (the file is
     * never held whole), with its line number.
     *
     * @throws BadLine for a line that is not a JSON value of {@code type} (a JSON {@code null} included,
     *                 unless {@code type} is {@link JsonNode})
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public static <T> void forEach(Path file, Class<T> type, ObjectMapper mapper, Each<T> each) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<T> it = mapper.readerFor(type).readValues(in)) {
            JsonParser p = it.getParser();
            int previous = 0;
            while (true) {
                int start = 0;
                T value;
                try {
                    if (!it.hasNextValue()) {
                        return;
                    }
                    start = p.currentTokenLocation().getLineNr();
                    value = it.nextValue();
                } catch (JsonProcessingException e) {
                    // within a value, the line it starts on (the file's end, say, is past it); before, where it broke
                    throw bad(file, start, type, e);
                }
                int end = p.currentTokenLocation().getLineNr();
                if (start == previous) {
                    throw new BadLine(file, start, "more than one JSON value on this line", "more than one JSON "
                            + "value on this line", null);
                }
                if (end != start) {
                    throw new BadLine(file, start, "a JSON value spread over lines " + start + " to " + end
                            + " (JSON Lines holds one value per line)", "a JSON value spread over lines", null);
                }
                if (value == null) {
                    throw new BadLine(file, start, "not " + article(type) + ": null", "null", null);
                }
                previous = end;
                each.accept(start, value);
            }
        }
    }

    /** {@code start}: the line of the value being read, or 0 when the error came before one started. */
    private static BadLine bad(Path file, int start, Class<?> type, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = start > 0 ? start : at != null && at.getLineNr() > 0 ? at.getLineNr() : 1;
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // a record's own check (an IllegalArgumentException in its constructor) says best what is wrong
        String detail = root instanceof IllegalArgumentException && root.getMessage() != null ? root.getMessage()
                : String.valueOf(e.getOriginalMessage());
        detail = detail.lines().findFirst().orElse("").strip();
        String what = e instanceof JsonParseException || type == JsonNode.class ? "not JSON" : "not " + article(type);
        return new BadLine(file, line, what + ": " + detail, detail, e);
    }

    private static String article(Class<?> type) {
        String name = type.getSimpleName();
        return ("AEIOU".indexOf(name.isEmpty() ? 'x' : name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }
}
