package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufWriterTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithoutTensorsIsValid() throws IOException {
        Path file = dir.resolve("empty.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putString("general.architecture", "none");
        }
        GgufFile g = GgufReader.read(file);
        assertEquals(List.of(), g.tensors());
        assertEquals("none", g.string("general.architecture").orElseThrow());
    }

    @Test
    void tensorDataOutOfDeclarationOrderIsRefusedAndNoFileAppears() throws IOException {
        Path file = dir.resolve("order.gguf");
        GgufWriter w = GgufWriter.create(file);
        w.addTensor("first", GgmlType.F32, 1);
        w.addTensor("second", GgmlType.F32, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> w.writeTensorData("second", ByteBuffer.allocate(4)));
        assertTrue(e.getMessage().contains("expected 'first'"), e.getMessage());
        w.close();
        assertFalse(Files.exists(file));
        assertNoPartialFiles();
    }

    @Test
    void tooFewOrTooManyBytesAreRefused() throws IOException {
        try (GgufWriter w = GgufWriter.create(dir.resolve("short.gguf"))) {
            w.addTensor("t", GgmlType.F16, 4);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> w.writeTensorData("t", ByteBuffer.allocate(7)));
            assertTrue(e.getMessage().contains("got 7 bytes of data, expected 8"), e.getMessage());
        }
        try (GgufWriter w = GgufWriter.create(dir.resolve("long.gguf"))) {
            w.addTensor("t", GgmlType.F16, 4);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> w.writeTensorData("t", ByteBuffer.allocate(9)));
            assertTrue(e.getMessage().contains("more than its 8 bytes"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("short.gguf")));
        assertFalse(Files.exists(dir.resolve("long.gguf")));
        assertNoPartialFiles();
    }

    @Test
    void closingWithMissingTensorDataFailsAndKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("keep.gguf");
        Files.writeString(file, "previous");
        GgufWriter w = GgufWriter.create(file);
        w.addTensor("a", GgmlType.F32, 1);
        w.addTensor("b", GgmlType.F32, 1);
        w.writeTensorData("a", ByteBuffer.allocate(4));
        IllegalStateException e = assertThrows(IllegalStateException.class, w::close);
        assertTrue(e.getMessage().contains("no data for 1 tensor(s), first b"), e.getMessage());
        assertEquals("previous", Files.readString(file));
        assertNoPartialFiles();
    }

    @Test
    void streamedContentIsCountedAcrossManyWrites() throws IOException {
        Path file = dir.resolve("streamed.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.addTensor("big", GgmlType.Q8_0, 32 * 1024, 100);
            w.writeTensorData("big", sink -> {
                ByteBuffer row = ByteBuffer.allocate(34 * 1024);
                for (int r = 0; r < 100; r++) {
                    row.clear();
                    sink.write(row);
                }
            });
        }
        GgufFile g = GgufReader.read(file);
        assertEquals(34L * 1024 * 100, g.tensors().get(0).byteSize());
        assertEquals(g.dataOffset() + 34L * 1024 * 100, g.fileSize());
    }

    @Test
    void invalidDeclarationsAreRefused() throws IOException {
        try (GgufWriter w = GgufWriter.create(dir.resolve("invalid.gguf"))) {
            w.putString("k", "v");
            assertThrows(IllegalArgumentException.class, () -> w.putString("k", "again"));
            assertThrows(IllegalArgumentException.class, () -> w.putString("", "v"));
            assertThrows(IllegalArgumentException.class, () -> w.putUInt8("u8", 256));
            assertThrows(IllegalArgumentException.class, () -> w.putUInt32("u32", -1));
            assertThrows(IllegalArgumentException.class, () -> w.put("f", GgufValueType.FLOAT32, 1.0));
            assertThrows(IllegalArgumentException.class, () -> w.putUInt32(GgufFile.KEY_ALIGNMENT, 48));
            assertThrows(IllegalArgumentException.class, () -> w.putInt32(GgufFile.KEY_ALIGNMENT, 64));
            w.addTensor("t", GgmlType.F32, 2);
            assertThrows(IllegalArgumentException.class, () -> w.addTensor("t", GgmlType.F32, 2));
            assertThrows(IllegalArgumentException.class, () -> w.addTensor("q", GgmlType.Q8_0, 16));
            assertThrows(IllegalArgumentException.class, () -> w.addTensor("z", GgmlType.F32, 4, 0));
            assertThrows(IllegalArgumentException.class, () -> w.addTensor("d", GgmlType.F32, 1, 1, 1, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> w.addTensor("x".repeat(64), GgmlType.F32, 1));
            assertThrows(IllegalStateException.class, () -> w.putUInt32(GgufFile.KEY_ALIGNMENT, 64));
            w.writeTensorData("t", ByteBuffer.allocate(8));
            assertThrows(IllegalStateException.class, () -> w.putString("late", "v"));
            assertThrows(IllegalStateException.class, () -> w.addTensor("late", GgmlType.F32, 1));
        }
        assertTrue(Files.exists(dir.resolve("invalid.gguf")));
    }

    private void assertNoPartialFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".partial")).toList());
        }
    }
}
