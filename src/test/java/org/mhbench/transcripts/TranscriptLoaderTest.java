package org.mhbench.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.generate.ChatMessage;
import org.mhbench.stimuli.StimulusFormatException;

/** The JSON Lines dialogue format: the shipped synthetic transcript, and bad files with file:line:reason. */
class TranscriptLoaderTest {

    static final Path SHIPPED = Path.of("stimuli", "transcripts");
    static final Set<String> CONDITIONS = Set.of("suicidal_ideation", "delusions", "hallucinations", "mania", "ocd");

    @TempDir
    Path dir;

    @Test
    void theShippedSyntheticTranscript() {
        List<Transcript> all = TranscriptLoader.loadDir(SHIPPED, CONDITIONS);
        assertEquals(1, all.size());
        Transcript t = all.get(0);
        assertEquals("synthetic_01", t.id());
        assertEquals(120, t.length());
        assertTrue(t.conditions().isEmpty());
        assertTrue(t.shows("mania"));
        assertFalse(t.droppedLeadingClinicianTurn());
        List<ChatMessage> prefix = t.prefix(50);
        assertEquals(50, prefix.size());
        assertEquals("user", prefix.get(0).role().wireName());
        assertEquals("assistant", prefix.get(49).role().wireName());
        assertEquals(0, t.prefix(0).size());
        assertThrows(IllegalArgumentException.class, () -> t.prefix(51), "an odd prefix would end with the client");
        assertThrows(IllegalArgumentException.class, () -> t.prefix(122));
    }

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private void assertRejected(Path file, int line, String reason) {
        StimulusFormatException e = assertThrows(StimulusFormatException.class,
                () -> TranscriptLoader.load(file, CONDITIONS));
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static final String C = "{\"speaker\": \"client\", \"text\": \"hello\"}";
    private static final String T = "{\"speaker\": \"clinician\", \"text\": \"hi\"}";

    @Test
    void headerIdConditionsAndALeadingClinicianTurnDropped() throws IOException {
        Path f = write("x.jsonl", "{\"transcript\": \"s7\", \"conditions\": [\"mania\"], \"description\": \"d\"}", T, C,
                T);
        Transcript t = TranscriptLoader.load(f, CONDITIONS);
        assertEquals("s7", t.id());
        assertEquals(Set.of("mania"), t.conditions());
        assertTrue(t.droppedLeadingClinicianTurn());
        assertEquals(2, t.length());
        assertFalse(t.shows("ocd"));
        assertEquals("file_name_id", TranscriptLoader.load(write("file_name_id.jsonl", C, T), null).id());
    }

    @Test
    void badFiles() throws IOException {
        assertRejected(write("a.jsonl", C, T, T), 3, "two clinician turns in a row");
        assertRejected(write("b.jsonl", C, "{\"speaker\": \"therapist\", \"text\": \"x\"}"), 2, "is not client or clinician");
        assertRejected(write("c.jsonl", C, "{\"speaker\": \"clinician\", \"txt\": \"x\"}"), 2, "unknown key \"txt\"");
        assertRejected(write("d.jsonl", C, "{\"speaker\": \"clinician\", \"text\": \"  \"}"), 2, "non-blank");
        assertRejected(write("e.jsonl", "{\"transcript\": \"e\", \"conditions\": [\"grief\"]}", C), 1,
                "unknown condition \"grief\"");
        assertRejected(write("f.jsonl", "{\"transcript\": \"F-1\"}", C), 1, "lower-case");
        assertRejected(write("Bad-Name.jsonl", C), 0, "no header line");
        assertRejected(write("g.jsonl", "{\"transcript\": \"g\"}"), 0, "no client turn");
        assertRejected(write("h.jsonl", C, "{\"speaker\": \"clinician\", \"text\": \"x\""), 2, "not valid JSON");
    }

    @Test
    void folderChecks() throws IOException {
        assertThrows(StimulusFormatException.class, () -> TranscriptLoader.loadDir(dir, CONDITIONS), "empty folder");
        write("one.jsonl", "{\"transcript\": \"same\"}", C);
        write("two.jsonl", "{\"transcript\": \"same\"}", C);
        StimulusFormatException e = assertThrows(StimulusFormatException.class,
                () -> TranscriptLoader.loadDir(dir, CONDITIONS));
        assertTrue(e.getMessage().contains("also used by"), e.getMessage());
    }
}
