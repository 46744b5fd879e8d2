package org.mhbench.runfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mhbench.util.Json;
import org.mhbench.util.Jsonl;
import org.mhbench.util.PrivateFiles;

/**
 * An append-only JSON Lines file of records with a key, like {@code responses.jsonl}: each append is
 * one write, flushed before it returns; opening reads what is there and cuts a half-written last
 * line (an interrupted process), so a stage that writes one can stop at any point and resume. Used
 * for {@code judgments.jsonl} and {@code bridges.jsonl}. Thread-safe.
 *
 * @param <T> the record type (a Jackson-readable record)
 */
public final class JsonlLog<T> implements AutoCloseable {

    private final Path file;
    private FileChannel channel;
    private final Function<T, String> key;
    private final Map<String, T> done;
    private final boolean repairedTornLine;

    private JsonlLog(Path file, FileChannel channel, Function<T, String> key, Map<String, T> done, boolean repaired) {
        this.file = file;
        this.channel = channel;
        this.key = key;
        this.done = done;
        this.repairedTornLine = repaired;
    }

    /** Opens (creating owner-only if needed) the file for appending, after reading what it holds. */
    public static <T> JsonlLog<T> open(Path file, Class<T> type, Function<T, String> key) throws IOException {
        PrivateFiles.file(file);
        boolean repaired = cutTornLine(file);
        Map<String, T> done = new LinkedHashMap<>();
        for (T r : read(file, type)) {
            done.put(key.apply(r), r);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new JsonlLog<>(file, ch, key, done, repaired);
    }

    /**
     * Reads every record; an absent file is empty. A line that does not parse is an error naming file
     * and line ({@link Jsonl.BadLine}). A half-written last line is such an error too: {@link #open}
     * cuts it before it reads.
     */
    public static <T> List<T> read(Path file, Class<T> type) throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        return Jsonl.read(file, type);
    }

    private static boolean cutTornLine(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, size - 1);
            if (b.get(0) == '\n') {
                return false;
            }
            long pos = size - 1;
            while (pos > 0) {
                b.clear();
                ch.read(b, pos - 1);
                if (b.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            ch.truncate(pos);
            return true;
        }
    }

    /** Keys already recorded (when opened, plus those appended since). */
    public synchronized java.util.Set<String> keys() {
        return java.util.Set.copyOf(done.keySet());
    }

    public synchronized boolean contains(String k) {
        return done.containsKey(k);
    }

    /** The record with this key, or {@code null}. */
    public synchronized T get(String k) {
        return done.get(k);
    }

    /** All records, in file order. */
    public synchronized List<T> records() {
        return List.copyOf(done.values());
    }

    /** True when opening found a half-written last line and cut it off. */
    public boolean repairedTornLine() {
        return repairedTornLine;
    }

    /**
     * Appends one record and flushes it.
     *
     * @throws IllegalStateException if a record with the same key is already there
     */
    public synchronized void append(T record) {
        String k = key.apply(record);
        if (done.containsKey(k)) {
            throw new IllegalStateException(k + " is already in " + file);
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap((Json.MAPPER.writeValueAsString(record) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        done.put(k, record);
    }

    /**
     * Puts {@code record} in place of the one with the same key, by rewriting the file (a new file
     * moved over the old one, so a reader sees the old or the new content, never half of it). For the
     * rare correction of a record a person made (a reviewer who goes back and changes a verdict); a
     * pipeline stage only appends.
     *
     * @throws IllegalStateException if no record has that key
     */
    public synchronized void replace(T record) {
        String k = key.apply(record);
        if (!done.containsKey(k)) {
            throw new IllegalStateException(k + " is not in " + file);
        }
        done.put(k, record);
        try {
            channel.close();
            PrivateFiles.replace(file, tmp -> {
                StringBuilder text = new StringBuilder();
                for (T r : done.values()) {
                    text.append(Json.MAPPER.writeValueAsString(r)).append('\n');
                }
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
            });
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
