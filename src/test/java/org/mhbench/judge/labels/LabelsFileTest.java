package org.mhbench.judge.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsFileTest {

    private static final String OK = "{\"id\":\"a\",\"criterion\":\"bridge\",\"question\":\"Q?\",\"query\":\"q\","
            + "\"response\":\"r\",\"label\":\"no\"}";

    @Test
    void readsAndWritesRoundTrip(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("l.jsonl");
        Files.writeString(f, OK + "\n\n" + OK.replace("\"a\"", "\"b\"").replace("}", ",\"source\":\"m1\"}") + "\n");
        List<LabelledItem> items = LabelsFile.read(f);
        assertEquals(2, items.size());
        assertNull(items.get(0).source());
        assertEquals("m1", items.get(1).source());
        Path g = tmp.resolve("g.jsonl");
        LabelsFile.write(g, items);
        assertEquals(items, LabelsFile.read(g));
        assertTrue(Files.readString(g).startsWith(OK), "no source key when there is none");
    }

    @Test
    void rejectsBadLinesWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("l.jsonl");
        Files.writeString(f, OK + "\n" + OK.replace("\"no\"", "\"maybe\"") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelsFile.read(f));
        assertTrue(e.getMessage().contains("l.jsonl:2"), e.getMessage());
        assertTrue(e.getMessage().contains("yes or no"), e.getMessage());

        Files.writeString(f, OK.replace("}", ",\"colour\":\"red\"}") + "\n");
        e = assertThrows(IllegalArgumentException.class, () -> LabelsFile.read(f));
        assertTrue(e.getMessage().contains(":1"), e.getMessage());

        Files.writeString(f, OK + "\n" + OK + "\n");
        e = assertThrows(IllegalArgumentException.class, () -> LabelsFile.read(f));
        assertTrue(e.getMessage().contains("repeated id a"), e.getMessage());

        Files.writeString(f, OK.replace(",\"response\":\"r\"", "") + "\n");
        assertThrows(IllegalArgumentException.class, () -> LabelsFile.read(f));
    }
}
