package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of damage: each must be refused with a message naming the file and the problem. */
class GgufReaderRejectionTest {

    @TempDir
    Path dir;

    private Path file(String name, RawGguf raw) throws IOException {
        return raw.writeTo(dir.resolve(name));
    }

    private static void assertRejected(Path file, String... expectedFragments) {
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufReader.read(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), "message must name the file: " + message);
        for (String fragment : expectedFragments) {
            assertTrue(message.contains(fragment), "expected '" + fragment + "' in: " + message);
        }
    }

    /** A valid file: two metadata keys, two F32 tensors of 8 elements (32 bytes each, no padding). */
    private static RawGguf validFile() {
        return RawGguf.header(3, 2, 2)
                .kvString("general.architecture", "llama")
                .kvU32("llama.block_count", 1)
                .tensor("a", GgmlType.F32, 0, 8)
                .tensor("b", GgmlType.F32, 32, 8)
                .padTo(32)
                .zeros(64);
    }

    @Test
    void theValidBaselineIsAccepted() throws IOException {
        GgufReader.read(file("valid.gguf", validFile()));
    }

    @Test
    void wrongMagic() throws IOException {
        assertRejected(file("elf.gguf", new RawGguf().raw(0x7f, 'E', 'L', 'F').u32(3).u64(0).u64(0)),
                "not a GGUF file", "magic is 0x7f454c46", "expected 'GGUF'");
        assertRejected(file("ggml.gguf", new RawGguf().raw('G', 'G', 'M', 'L').u32(3).u64(0).u64(0)),
                "not a GGUF file", "'GGML'");
    }

    @Test
    void emptyFile() throws IOException {
        assertRejected(file("empty.gguf", new RawGguf()), "not a GGUF file", "0 bytes long");
    }

    @Test
    void unsupportedVersions() throws IOException {
        assertRejected(file("v1.gguf", RawGguf.header(1, 0, 0)), "unsupported GGUF version 1", "expected 2 or 3");
        assertRejected(file("v99.gguf", RawGguf.header(99, 0, 0)), "unsupported GGUF version 99");
        assertRejected(file("big-endian.gguf", RawGguf.header(3L << 24, 0, 0)), "big-endian");
    }

    @Test
    void truncatedInTheHeader() throws IOException {
        byte[] valid = validFile().bytes();
        assertRejected(write("cut-version.gguf", Arrays.copyOf(valid, 6)), "truncated file", "version");
        assertRejected(write("cut-counts.gguf", Arrays.copyOf(valid, 20)), "truncated file", "metadata key/value count");
    }

    @Test
    void truncatedInsideAString() throws IOException {
        byte[] whole = RawGguf.header(3, 0, 1).kvString("general.architecture", "llama").bytes();
        // header (24) + key length (8) + 6 of the 20 key bytes
        assertRejected(write("cut-key.gguf", Arrays.copyOf(whole, 38)),
                "metadata key #0", "string length 20 exceeds the 6 bytes left", "truncated");
        // ... + key (20) + type (4) + value length (8) + 2 of the 5 value bytes
        assertRejected(write("cut-value.gguf", Arrays.copyOf(whole, 66)),
                "value of metadata key 'general.architecture'", "string length 5 exceeds the 2 bytes left");
    }

    @Test
    void truncatedInsideTheTensorInfos() throws IOException {
        RawGguf prefix = RawGguf.header(3, 2, 2)
                .kvString("general.architecture", "llama")
                .kvU32("llama.block_count", 1)
                .string("a").u32(1);
        assertRejected(write("cut-infos.gguf", Arrays.copyOf(validFile().bytes(), prefix.size() + 3)),
                "truncated file", "tensor info 'a'");
    }

    @Test
    void truncatedInsideTheData() throws IOException {
        byte[] valid = validFile().bytes();
        assertRejected(write("cut-data.gguf", Arrays.copyOf(valid, valid.length - 1)),
                "tensor 'b'", "extends past the end of the file");
    }

    @Test
    void truncatedAnywhere() throws IOException {
        byte[] valid = validFile().bytes();
        Path file = dir.resolve("cut.gguf");
        for (int length = 0; length < valid.length; length++) {
            Files.write(file, Arrays.copyOf(valid, length));
            try {
                GgufReader.read(file);
                fail("a file cut to " + length + " of " + valid.length + " bytes was accepted");
            } catch (GgufFormatException expected) {
                assertTrue(expected.getMessage().startsWith(file + ": "), expected.getMessage());
            }
        }
    }

    @Test
    void absurdTensorCount() throws IOException {
        assertRejected(file("tensors-limit.gguf", RawGguf.header(3, (1L << 20) + 1, 0)),
                "absurd tensor count 1048577", "limit 1048576");
        assertRejected(file("tensors-fit.gguf", RawGguf.header(3, 1000, 0).zeros(100)),
                "absurd tensor count 1000", "only 100 bytes follow");
        assertRejected(file("tensors-negative.gguf", RawGguf.header(3, -1, 0)),
                "absurd tensor count 18446744073709551615");
    }

    @Test
    void absurdKeyValueCount() throws IOException {
        assertRejected(file("kv-limit.gguf", RawGguf.header(3, 0, 1L << 40)), "absurd metadata key/value count");
        assertRejected(file("kv-fit.gguf", RawGguf.header(3, 0, 50).zeros(100)),
                "absurd metadata key/value count 50");
    }

    @Test
    void hugeStringLength() throws IOException {
        assertRejected(file("huge-key.gguf", RawGguf.header(3, 0, 1).u64(1L << 31).zeros(16)),
                "metadata key #0", "string length 2147483648 exceeds the limit of 1073741824 bytes");
        assertRejected(file("long-value.gguf", RawGguf.header(3, 0, 1).string("k").u32(GgufValueType.STRING.id())
                        .u64(1000).zeros(10)),
                "value of metadata key 'k'", "string length 1000 exceeds the 10 bytes left");
    }

    @Test
    void unknownValueType() throws IOException {
        assertRejected(file("type13.gguf", RawGguf.header(3, 0, 1).string("k").u32(13).u32(0)),
                "metadata key 'k' has unknown value type 13");
        assertRejected(file("element-type.gguf", RawGguf.header(3, 0, 1).string("k").u32(GgufValueType.ARRAY.id())
                        .u32(77).u64(0)),
                "metadata key 'k' has unknown value type 77");
    }

    @Test
    void invalidBoolean() throws IOException {
        assertRejected(file("bool.gguf", RawGguf.header(3, 0, 1).string("k").u32(GgufValueType.BOOL.id()).u8(2)),
                "metadata key 'k' has boolean byte 2");
    }

    @Test
    void hugeArrayLength() throws IOException {
        assertRejected(file("array.gguf", RawGguf.header(3, 0, 1).string("tokens").u32(GgufValueType.ARRAY.id())
                        .u32(GgufValueType.STRING.id()).u64(1_000_000).zeros(64)),
                "metadata key 'tokens' declares an array of 1000000 STRING elements", "64 bytes left");
        assertRejected(file("array-limit.gguf", RawGguf.header(3, 0, 1).string("k").u32(GgufValueType.ARRAY.id())
                        .u32(GgufValueType.UINT8.id()).u64(-1).zeros(64)),
                "absurd array length 18446744073709551615");
    }

    @Test
    void arraysNestedTooDeep() throws IOException {
        RawGguf raw = RawGguf.header(3, 0, 1).string("deep").u32(GgufValueType.ARRAY.id())
                .u32(GgufValueType.ARRAY.id()).u64(1)
                .u32(GgufValueType.ARRAY.id()).u64(1)
                .u32(GgufValueType.INT32.id()).u64(1).u32(5);
        assertRejected(file("deep.gguf", raw), "metadata key 'deep' nests arrays 3 deep");
    }

    @Test
    void duplicateKey() throws IOException {
        assertRejected(file("dup-key.gguf", RawGguf.header(3, 0, 2).kvU32("k", 1).kvU32("k", 2)),
                "duplicate metadata key 'k'");
    }

    @Test
    void emptyKey() throws IOException {
        assertRejected(file("empty-key.gguf", RawGguf.header(3, 0, 1).kvU32("", 1)), "metadata key #0 is empty");
    }

    @Test
    void alignmentNotAPowerOfTwo() throws IOException {
        assertRejected(file("align48.gguf", RawGguf.header(3, 0, 1).kvU32(GgufFile.KEY_ALIGNMENT, 48)),
                "'general.alignment' is 48, expected a power of two");
        assertRejected(file("align0.gguf", RawGguf.header(3, 0, 1).kvU32(GgufFile.KEY_ALIGNMENT, 0)),
                "'general.alignment' is 0");
        assertRejected(file("align-type.gguf", RawGguf.header(3, 0, 1).string(GgufFile.KEY_ALIGNMENT)
                        .u32(GgufValueType.INT32.id()).u32(32)),
                "'general.alignment' must be of type UINT32 but is INT32");
    }

    @Test
    void tensorWithTooManyOrNoDimensions() throws IOException {
        assertRejected(file("ndims5.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, 0, 1, 1, 1, 1, 1)
                        .padTo(32).zeros(32)),
                "tensor 't' has n_dims 5, expected 1 to 4");
        assertRejected(file("ndims0.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, 0)
                        .padTo(32).zeros(32)),
                "tensor 't' has n_dims 0");
    }

    @Test
    void zeroOrNegativeDimension() throws IOException {
        assertRejected(file("dim0.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, 0, 4, 0)
                        .padTo(32).zeros(32)),
                "tensor 't' dimension 1 is 0");
        assertRejected(file("dim-neg.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, 0, -4)
                        .padTo(32).zeros(32)),
                "tensor 't' dimension 0 is 18446744073709551612");
    }

    @Test
    void unknownTensorType() throws IOException {
        for (long id : List.of(4L, 31L, 36L, 99L)) {
            RawGguf raw = RawGguf.header(3, 1, 0).string("t").u32(1).u64(8).u32(id).u64(0).padTo(32).zeros(32);
            assertRejected(file("type" + id + ".gguf", raw), "tensor 't' has unknown ggml type id " + id);
        }
    }

    @Test
    void rowLengthNotAWholeNumberOfBlocks() throws IOException {
        assertRejected(file("q8row.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.Q8_0, 0, 48, 2)
                        .padTo(32).zeros(128)),
                "tensor 't' has rows of 48 elements, not a multiple of the Q8_0 block size 32");
    }

    @Test
    void tensorNameTooLongForGgml() throws IOException {
        String name = "n".repeat(64);
        assertRejected(file("long-name.gguf", RawGguf.header(3, 1, 0).tensor(name, GgmlType.F32, 0, 8)
                        .padTo(32).zeros(32)),
                "is 64 bytes long; ggml allows at most 63");
    }

    @Test
    void misalignedOffset() throws IOException {
        assertRejected(file("misaligned.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, 16, 8)
                        .padTo(32).zeros(64)),
                "tensor 't' has data offset 16, not a multiple of the alignment 32");
    }

    @Test
    void dataPastEndOfFile() throws IOException {
        assertRejected(file("past-eof.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, 1 << 20, 8)
                        .padTo(32).zeros(32)),
                "tensor 't' data", "extends past the end of the file");
        assertRejected(file("offset-huge.gguf", RawGguf.header(3, 1, 0).tensor("t", GgmlType.F32, -32, 8)
                        .padTo(32).zeros(32)),
                "tensor 't' has data offset 18446744073709551584");
    }

    @Test
    void overlappingTensorData() throws IOException {
        assertRejected(file("overlap.gguf", RawGguf.header(3, 2, 0)
                        .tensor("a", GgmlType.F32, 0, 16)
                        .tensor("b", GgmlType.F32, 32, 8)
                        .padTo(32).zeros(96)),
                "tensor 'b' data at relative offset 32 overlaps tensor 'a' data [0, 64)");
    }

    @Test
    void duplicateTensorName() throws IOException {
        assertRejected(file("dup-tensor.gguf", RawGguf.header(3, 2, 0)
                        .tensor("a", GgmlType.F32, 0, 8)
                        .tensor("a", GgmlType.F32, 32, 8)
                        .padTo(32).zeros(64)),
                "duplicate tensor name 'a'");
    }

    @Test
    void validWriterOutputWithACorruptedByteIsStillCaught() throws IOException {
        Path file = dir.resolve("written.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putString("general.architecture", "llama");
            w.addTensor("t", GgmlType.Q8_0, 32);
            w.writeTensorData("t", ByteBuffer.allocate(34));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] = 'X';
        assertRejected(write("written-bad.gguf", bytes), "not a GGUF file");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
