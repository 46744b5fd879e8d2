package org.mhbench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * The append-only {@code responses.jsonl} of a run: one JSON record per completed item, each written
 * with a single write call and flushed before {@link #append} returns, so an interrupted run loses
 * at most the item in flight. Opening an existing log reads the ids already done; a torn last line
 * (no newline: the process died mid-write) is cut off and reported.
 *
 * <p>Thread-safe.
 */
public final class ResponseLog implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final Map<String, ResponseRecord> done;
    private final boolean repairedTornLine;

    private ResponseLog(Path file, FileChannel channel, Map<String, ResponseRecord> done, boolean repaired) {
        this.file = file;
        this.channel = channel;
        this.done = done;
        this.repairedTornLine = repaired;
    }

    /** Opens (creating owner-only if needed) the log for appending, after reading what it holds. */
    public static ResponseLog open(Path file) throws IOException {
        PrivateFiles.file(file);
        boolean repaired = cutTornLine(file);
        Map<String, ResponseRecord> done = Collections.synchronizedMap(new LinkedHashMap<>());
        for (ResponseRecord r : read(file)) {
            done.put(r.id(), r);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new ResponseLog(file, ch, done, repaired);
    }

    /** Reads every record of a log; a record that does not parse is an error naming file and line. */
    public static List<ResponseRecord> read(Path file) throws IOException {
        List<ResponseRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Json.LENIENT.readValue(line, ResponseRecord.class));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException(file + ":" + n + ": not a response record: " + firstLine(e.getMessage()), e);
                }
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean cutTornLine(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') {
                return false;
            }
            // Walk back to the last newline and cut what follows it.
            long pos = size - 1;
            ByteBuffer b = ByteBuffer.allocate(1);
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

    /** Ids already recorded (when opened, plus those appended since). */
    public Set<String> doneIds() {
        synchronized (done) {
            return Set.copyOf(done.keySet());
        }
    }

    public boolean contains(String id) {
        return done.containsKey(id);
    }

    /** All records, in file order. */
    public List<ResponseRecord> records() {
        synchronized (done) {
            return List.copyOf(done.values());
        }
    }

    /** True when opening found a half-written last line and cut it off. */
    public boolean repairedTornLine() {
        return repairedTornLine;
    }

    /**
     * Appends one record and flushes it to the operating system.
     *
     * @throws IllegalStateException if a record with the same id is already in the log
     */
    public void append(ResponseRecord record) {
        byte[] line;
        try {
            line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (done) {
            if (done.containsKey(record.id())) {
                throw new IllegalStateException("record " + record.id() + " is already in " + file);
            }
            try {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
            done.put(record.id(), record);
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
