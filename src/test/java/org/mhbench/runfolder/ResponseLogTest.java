package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Completion;

class ResponseLogTest {

    @TempDir
    Path tmp;

    static ResponseRecord ok(String id, String text) {
        return new ResponseRecord(id, "stigma", "m", "abc", "none", "none", "depression", "s1", "q08", 0, 7,
                Map.of("race", "white", "gender", "woman"), List.of(ChatMessage.user("hi")),
                new Completion(text, 12, 3, Completion.FinishReason.STOP, 5.0, 9.0), null, Instant.EPOCH);
    }

    static ResponseRecord failed(String id) {
        return new ResponseRecord(id, "stigma", "m", "abc", "none", "none", "depression", "s1", "q08", 0, 7,
                Map.of(), List.of(ChatMessage.user("hi")), null,
                new Failure("CONTEXT_OVERFLOW", "too long"), Instant.EPOCH);
    }

    @Test
    void appendsRoundTripsAndResumes() throws IOException {
        Path file = tmp.resolve("responses.jsonl");
        try (ResponseLog log = ResponseLog.open(file)) {
            log.append(ok("a", "C"));
            log.append(failed("b"));
        }
        List<ResponseRecord> back = ResponseLog.read(file);
        assertEquals(List.of(ok("a", "C"), failed("b")), back);
        assertNull(back.get(1).output());
        try (ResponseLog log = ResponseLog.open(file)) {
            assertEquals(java.util.Set.of("a", "b"), log.doneIds());
            assertFalse(log.repairedTornLine());
            assertThrows(IllegalStateException.class, () -> log.append(ok("a", "D")));
            log.append(ok("c", "A"));
        }
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void cutsAHalfWrittenLastLine() throws IOException {
        Path file = tmp.resolve("responses.jsonl");
        try (ResponseLog log = ResponseLog.open(file)) {
            log.append(ok("a", "C"));
        }
        Files.writeString(file, "{\"id\":\"b\",\"experi", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (ResponseLog log = ResponseLog.open(file)) {
            assertTrue(log.repairedTornLine());
            assertEquals(java.util.Set.of("a"), log.doneIds());
            log.append(ok("b", "B"));
        }
        assertEquals(2, ResponseLog.read(file).size());
    }

    @Test
    void rejectsAMalformedLineWithFileAndLine() throws IOException {
        Path file = tmp.resolve("responses.jsonl");
        Files.writeString(file, "{\"id\":\"a\"}\n");
        IOException e = assertThrows(IOException.class, () -> ResponseLog.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
    }

    @Test
    void recordNeedsExactlyOneOfCompletionAndFailure() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseRecord("x", "e", "m", "s", "none", "none",
                "c", "s", "i", 0, 0, Map.of(), List.of(), null, null, Instant.EPOCH));
    }

    @Test
    void runFolderAndFilesAreOwnerOnly() throws IOException {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        try (ResponseLog log = dir.openResponses()) {
            log.append(ok("a", "x"));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.root())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.responsesFile())));
    }
}
