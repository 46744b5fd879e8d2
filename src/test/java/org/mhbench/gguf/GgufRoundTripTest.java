package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyMetadataTypeAndSeveralTensorTypesSurviveARoundTrip() throws IOException {
        Path file = dir.resolve("round-trip.gguf");
        Map<String, Object> expected = new LinkedHashMap<>();
        List<byte[]> data = new ArrayList<>();
        List<GgufTensorInfo> declared;
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putUInt8("t.uint8", 200);
            expected.put("t.uint8", 200);
            w.putInt8("t.int8", -100);
            expected.put("t.int8", -100);
            w.putUInt16("t.uint16", 60_000);
            expected.put("t.uint16", 60_000);
            w.putInt16("t.int16", -30_000);
            expected.put("t.int16", -30_000);
            w.putUInt32("t.uint32", 4_000_000_000L);
            expected.put("t.uint32", 4_000_000_000L);
            w.putInt32("t.int32", -2_000_000_000);
            expected.put("t.int32", -2_000_000_000);
            w.putFloat32("t.float32", 3.5f);
            expected.put("t.float32", 3.5f);
            w.putBool("t.bool.true", true);
            expected.put("t.bool.true", true);
            w.putBool("t.bool.false", false);
            expected.put("t.bool.false", false);
            w.putString("t.string", "h\u00e9llo \u2581 \ud83d\ude42");
            expected.put("t.string", "h\u00e9llo \u2581 \ud83d\ude42");
            w.putUInt64("t.uint64", -1L);
            expected.put("t.uint64", -1L);
            w.putInt64("t.int64", Long.MIN_VALUE);
            expected.put("t.int64", Long.MIN_VALUE);
            w.putFloat64("t.float64", Math.PI);
            expected.put("t.float64", Math.PI);
            w.putStringArray("t.strings", List.of("a", "", "\u2581the"));
            expected.put("t.strings", List.of("a", "", "\u2581the"));
            w.putInt32Array("t.ints", new int[] {1, -2, Integer.MAX_VALUE});
            expected.put("t.ints", List.of(1, -2, Integer.MAX_VALUE));
            w.putFloat32Array("t.floats", new float[] {0f, -1.25f, Float.MAX_VALUE});
            expected.put("t.floats", List.of(0f, -1.25f, Float.MAX_VALUE));
            w.putArray("t.bools", GgufValueType.BOOL, List.of(true, false));
            expected.put("t.bools", List.of(true, false));
            w.putArray("t.uint8s", GgufValueType.UINT8, List.of(0, 255));
            expected.put("t.uint8s", List.of(0, 255));
            w.putArray("t.uint64s", GgufValueType.UINT64, List.of(1L, 1L << 40));
            expected.put("t.uint64s", List.of(1L, 1L << 40));
            w.putArray("t.float64s", GgufValueType.FLOAT64, List.of(0.1, -2.0));
            expected.put("t.float64s", List.of(0.1, -2.0));
            w.putArray("t.empty", GgufValueType.INT32, List.of());
            expected.put("t.empty", List.of());

            w.addTensor("vec.f32", GgmlType.F32, 7);
            w.addTensor("mat.f16", GgmlType.F16, 4, 3);
            w.addTensor("mat.q8_0", GgmlType.Q8_0, 64, 2);
            w.addTensor("vec.q4_k", GgmlType.Q4_K, 256);
            w.addTensor("cube.i32", GgmlType.I32, 2, 3, 5);
            declared = w.tensors();
            for (GgufTensorInfo t : declared) {
                byte[] bytes = pattern((int) t.byteSize(), t.name().hashCode());
                data.add(bytes);
                w.writeTensorData(t.name(), ByteBuffer.wrap(bytes));
            }
        }

        GgufFile read = GgufReader.read(file);

        assertEquals(3, read.version());
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(read.metadata().entrySet()));
        assertEquals(declared, read.tensors());
        assertEquals(32, read.alignment());
        assertEquals(0, read.dataOffset() % 32);
        long expectedSize = read.dataOffset();
        for (GgufTensorInfo t : read.tensors()) {
            assertEquals(0, t.offset() % 32, t.name());
            expectedSize += GgufReader.alignUp(t.byteSize(), 32);
        }
        assertEquals(expectedSize, read.fileSize());
        try (FileChannel ch = FileChannel.open(file)) {
            for (int i = 0; i < declared.size(); i++) {
                GgufTensorInfo t = read.tensors().get(i);
                ByteBuffer buf = ByteBuffer.allocate((int) t.byteSize());
                ch.read(buf, read.absoluteOffset(t));
                assertArrayEquals(data.get(i), buf.array(), t.name());
            }
        }
    }

    @Test
    void typedGettersReturnValuesOfTheirTypeOnly() throws IOException {
        Path file = dir.resolve("getters.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putString("s", "x").putUInt32("u", 7).putInt8("i", -3).putFloat32("f", 1.5f)
                    .putBool("b", true).putStringArray("a", List.of("p", "q"));
        }
        GgufFile g = GgufReader.read(file);
        assertEquals("x", g.string("s").orElseThrow());
        assertTrue(g.string("u").isEmpty());
        assertEquals(7, g.integer("u").orElseThrow());
        assertEquals(-3, g.integer("i").orElseThrow());
        assertTrue(g.integer("s").isEmpty());
        assertEquals(1.5, g.real("f").orElseThrow());
        assertEquals(true, g.bool("b").orElseThrow());
        assertEquals(List.of("p", "q"), g.array("a").orElseThrow());
        assertTrue(g.array("missing").isEmpty());
        assertTrue(g.tensors().isEmpty());
    }

    @Test
    void generalAlignmentIsHonouredByWriterAndReader() throws IOException {
        Path file = dir.resolve("aligned.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putUInt32(GgufFile.KEY_ALIGNMENT, 64);
            w.addTensor("a", GgmlType.F32, 3);
            w.addTensor("b", GgmlType.F16, 5);
            w.writeTensorData("a", ByteBuffer.allocate(12));
            w.writeTensorData("b", ByteBuffer.allocate(10));
        }
        GgufFile g = GgufReader.read(file);
        assertEquals(64, g.alignment());
        assertEquals(0, g.dataOffset() % 64);
        assertEquals(0, g.tensor("a").orElseThrow().offset());
        assertEquals(64, g.tensor("b").orElseThrow().offset());
        assertEquals(g.dataOffset() + 128, g.fileSize());
    }

    @Test
    void version2FilesAreAccepted() throws IOException {
        Path file = RawGguf.header(2, 1, 1).kvString("general.architecture", "llama")
                .tensor("t", GgmlType.F32, 0, 8).padTo(32).zeros(32).writeTo(dir.resolve("v2.gguf"));
        GgufFile g = GgufReader.read(file);
        assertEquals(2, g.version());
        assertEquals("llama", g.string("general.architecture").orElseThrow());
        assertEquals(1, g.tensors().size());
    }

    @Test
    void arraysOfArraysAreRead() throws IOException {
        Path file = RawGguf.header(3, 0, 1)
                .string("nested").u32(GgufValueType.ARRAY.id())
                .u32(GgufValueType.ARRAY.id()).u64(2)
                .u32(GgufValueType.INT32.id()).u64(1).u32(5)
                .u32(GgufValueType.STRING.id()).u64(1).string("x")
                .writeTo(dir.resolve("nested.gguf"));
        assertEquals(List.of(List.of(5), List.of("x")), GgufReader.read(file).metadata().get("nested"));
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }
}
