package org.mhbench.runfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The append-only {@code responses.jsonl} of a run: one {@link ResponseRecord} per completed item,
 * keyed by its id, each written with a single write call and flushed before {@link #append}
 * returns, so an interrupted run loses at most the item in flight. Opening an existing log reads
 * the ids already done; a torn last line (the process died mid-write) is cut off and reported.
 * A {@link JsonlLog} of response records. Thread-safe.
 */
public final class ResponseLog implements AutoCloseable {

    private final JsonlLog<ResponseRecord> log;

    private ResponseLog(JsonlLog<ResponseRecord> log) {
        this.log = log;
    }

    /** Opens (creating owner-only if needed) the log for appending, after reading what it holds. */
    public static ResponseLog open(Path file) throws IOException {
        return new ResponseLog(JsonlLog.open(file, ResponseRecord.class, ResponseRecord::id));
    }

    /**
     * Reads every record of a log; a record that does not parse is an error naming file and line.
     *
     * @throws NoSuchFileException if the file does not exist
     */
    public static List<ResponseRecord> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return JsonlLog.read(file, ResponseRecord.class);
    }

    /** Ids already recorded (when opened, plus those appended since). */
    public Set<String> doneIds() {
        return log.keys();
    }

    public boolean contains(String id) {
        return log.contains(id);
    }

    /** All records, in file order. */
    public List<ResponseRecord> records() {
        return log.records();
    }

    /** True when opening found a half-written last line and cut it off. */
    public boolean repairedTornLine() {
        return log.repairedTornLine();
    }

    /**
     * Appends one record and flushes it to the operating system.
     *
     * @throws IllegalStateException if a record with the same id is already in the log
     */
    public void append(ResponseRecord record) {
        log.append(record);
    }

    public Path file() {
        return log.file();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
