package org.mhbench.gguf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the header, metadata and tensor table of a GGUF file (versions 2 and 3,
 * little-endian). Tensor data is never read; only its placement is checked against the file size.
 *
 * <p>The point of the checks is that a damaged or hostile file is rejected with a clear
 * {@link GgufFormatException} before it reaches native code. Rejected are: a wrong magic, a version other
 * than 2 or 3, a file that ends early anywhere up to the end of the last tensor's data, absurd counts
 * (more than 2<sup>20</sup> tensors or keys, or more than the rest of the file could hold), strings longer
 * than 2<sup>30</sup> bytes or than the rest of the file, arrays longer than the rest of the file could
 * hold, arrays nested more than 2 deep, unknown value types, booleans other than 0 and 1, empty or
 * duplicate keys, a {@code general.alignment} that is not a UINT32 power of two, unknown tensor types,
 * tensors with 0 or more than 4 dimensions or a dimension &le; 0, a row length that is not a whole
 * number of blocks, tensor names of 64 bytes or more (ggml's limit), duplicate tensor names, tensor
 * offsets that are not aligned, tensor data past the end of the file and overlapping tensor data.
 */
public final class GgufReader {

    /** Most tensors, and most metadata keys, a file may declare. */
    public static final long MAX_COUNT = 1L << 20;
    /** Longest string, in bytes. */
    public static final long MAX_STRING_BYTES = 1L << 30;
    /** Most elements in one array (ggml's GGUF_MAX_ARRAY_ELEMENTS). */
    public static final long MAX_ARRAY_ELEMENTS = 1L << 30;
    /** Deepest array nesting (an array of arrays is depth 2). */
    public static final int MAX_ARRAY_DEPTH = 2;
    /** ggml's GGML_MAX_NAME: names must be shorter than this many bytes. */
    public static final int MAX_TENSOR_NAME_BYTES = 64;

    private static final int MAGIC_BYTES = 4;
    private static final byte[] MAGIC = {'G', 'G', 'U', 'F'};
    /** Smallest tensor info: name length, n_dims, one dim, type, offset. */
    private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 8 + 4 + 8;
    /** Smallest key/value pair: key length, a one-byte key, value type, a one-byte value. */
    private static final int MIN_KV_BYTES = 8 + 1 + 4 + 1;
    private static final long MAX_ALIGNMENT = 1L << 30;

    private final GgufInput in;

    private GgufReader(GgufInput in) {
        this.in = in;
    }

    /**
     * Reads the header, metadata and tensor table of {@code path}.
     *
     * @throws GgufFormatException if the file is not a valid GGUF file (the message names the file and
     *     the problem)
     * @throws IOException if the file cannot be read
     */
    public static GgufFile read(Path path) throws IOException {
        try (GgufInput in = GgufInput.open(path)) {
            return new GgufReader(in).readFile(path);
        }
    }

    private GgufFile readFile(Path path) throws IOException {
        readMagic();
        in.context("version");
        long version = in.u32();
        if (version != 2 && version != 3) {
            String hint = (version & 0xFFFF) == 0 && version != 0
                    ? " (a byte-swapped version number: big-endian GGUF files are not supported)" : "";
            throw in.error("unsupported GGUF version " + version + ", expected 2 or 3" + hint);
        }
        in.context("tensor count");
        long tensorCount = in.u64();
        in.context("metadata key/value count");
        long kvCount = in.u64();
        checkCount("tensor", tensorCount, MIN_TENSOR_INFO_BYTES);
        checkCount("metadata key/value", kvCount, MIN_KV_BYTES);

        Map<String, Object> metadata = new LinkedHashMap<>();
        int alignment = readMetadata(kvCount, metadata);
        List<GgufTensorInfo> tensors = readTensorInfos(tensorCount, alignment);
        long dataOffset = alignUp(in.position(), alignment);
        checkTensorPlacement(tensors, dataOffset);
        return new GgufFile(path, (int) version, metadata, tensors, alignment, dataOffset, in.size());
    }

    private void readMagic() throws IOException {
        in.context("magic");
        if (in.size() < MAGIC_BYTES) {
            throw in.error("not a GGUF file (only " + in.size() + " bytes long, expected at least the 4-byte magic 'GGUF')");
        }
        byte[] magic = in.bytes(MAGIC_BYTES);
        for (int i = 0; i < MAGIC_BYTES; i++) {
            if (magic[i] != MAGIC[i]) {
                throw in.error("not a GGUF file (magic is " + describeMagic(magic) + ", expected 'GGUF')");
            }
        }
    }

    private static String describeMagic(byte[] magic) {
        StringBuilder hex = new StringBuilder("0x");
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (byte b : magic) {
            hex.append(String.format("%02x", b & 0xFF));
            printable &= b >= 0x20 && b < 0x7F;
            text.append((char) b);
        }
        return printable ? hex + " '" + text + "'" : hex.toString();
    }

    private void checkCount(String what, long count, int minBytesEach) {
        if (count < 0 || count > MAX_COUNT) {
            throw in.error("absurd " + what + " count " + Long.toUnsignedString(count) + " (limit " + MAX_COUNT + ")");
        }
        if (count * minBytesEach > in.remaining()) {
            throw in.error("absurd " + what + " count " + count + ": " + count + " entries need at least "
                    + count * minBytesEach + " bytes, but only " + in.remaining() + " bytes follow the header");
        }
    }

    private int readMetadata(long kvCount, Map<String, Object> metadata) throws IOException {
        long alignment = GgufFile.DEFAULT_ALIGNMENT;
        for (long i = 0; i < kvCount; i++) {
            in.context("metadata key #" + i);
            String key = in.string(MAX_STRING_BYTES);
            if (key.isEmpty()) {
                throw in.error("metadata key #" + i + " is empty");
            }
            if (metadata.containsKey(key)) {
                throw in.error("duplicate metadata key '" + key + "'");
            }
            in.context("value of metadata key '" + key + "'");
            GgufValueType type = readValueType(key);
            Object value = readValue(key, type, 0);
            if (key.equals(GgufFile.KEY_ALIGNMENT)) {
                alignment = checkAlignment(type, value);
            }
            metadata.put(key, value);
        }
        return (int) alignment;
    }

    private long checkAlignment(GgufValueType type, Object value) {
        if (type != GgufValueType.UINT32) {
            throw in.error("metadata key '" + GgufFile.KEY_ALIGNMENT + "' must be of type UINT32 but is " + type);
        }
        long alignment = (Long) value;
        if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > MAX_ALIGNMENT) {
            throw in.error("metadata key '" + GgufFile.KEY_ALIGNMENT + "' is " + alignment
                    + ", expected a power of two no larger than " + MAX_ALIGNMENT);
        }
        return alignment;
    }

    private GgufValueType readValueType(String key) throws IOException {
        long id = in.u32();
        return GgufValueType.fromId(id).orElseThrow(
                () -> in.error("metadata key '" + key + "' has unknown value type " + id));
    }

    private Object readValue(String key, GgufValueType type, int depth) throws IOException {
        return switch (type) {
            case UINT8 -> in.u8();
            case INT8 -> (int) (byte) in.u8();
            case UINT16 -> in.u16();
            case INT16 -> in.i16();
            case UINT32 -> in.u32();
            case INT32 -> in.i32();
            case FLOAT32 -> in.f32();
            case BOOL -> readBool(key);
            case STRING -> in.string(MAX_STRING_BYTES);
            case ARRAY -> readArray(key, depth + 1);
            case UINT64, INT64 -> in.u64();
            case FLOAT64 -> in.f64();
        };
    }

    private Boolean readBool(String key) throws IOException {
        int b = in.u8();
        if (b > 1) {
            throw in.error("metadata key '" + key + "' has boolean byte " + b + " at offset " + (in.position() - 1)
                    + ", expected 0 or 1");
        }
        return b == 1;
    }

    private List<?> readArray(String key, int depth) throws IOException {
        if (depth > MAX_ARRAY_DEPTH) {
            throw in.error("metadata key '" + key + "' nests arrays " + depth + " deep, more than the "
                    + MAX_ARRAY_DEPTH + " allowed");
        }
        GgufValueType elementType = readValueType(key);
        long count = in.u64();
        long minBytes = elementType.minimumEncodedSize();
        if (count < 0 || count > MAX_ARRAY_ELEMENTS) {
            throw in.error("metadata key '" + key + "' declares an absurd array length "
                    + Long.toUnsignedString(count) + " (limit " + MAX_ARRAY_ELEMENTS + ")");
        }
        if (count > in.remaining() / minBytes) {
            throw in.error("metadata key '" + key + "' declares an array of " + Long.toUnsignedString(count) + " "
                    + elementType + " elements, more than the " + in.remaining()
                    + " bytes left in the file can hold");
        }
        List<Object> values = new ArrayList<>((int) Math.min(count, 1 << 16));
        for (long i = 0; i < count; i++) {
            values.add(readValue(key, elementType, depth));
        }
        return Collections.unmodifiableList(values);
    }

    private List<GgufTensorInfo> readTensorInfos(long tensorCount, int alignment) throws IOException {
        List<GgufTensorInfo> tensors = new ArrayList<>((int) tensorCount);
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            in.context("tensor info #" + i);
            String name = in.string(MAX_STRING_BYTES);
            int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes >= MAX_TENSOR_NAME_BYTES) {
                throw in.error("tensor #" + i + " name '" + name + "' is " + nameBytes
                        + " bytes long; ggml allows at most " + (MAX_TENSOR_NAME_BYTES - 1));
            }
            if (!names.add(name)) {
                throw in.error("duplicate tensor name '" + name + "'");
            }
            in.context("tensor info '" + name + "'");
            tensors.add(readTensorInfo(name, alignment));
        }
        return tensors;
    }

    private GgufTensorInfo readTensorInfo(String name, int alignment) throws IOException {
        long nDims = in.u32();
        if (nDims == 0 || nDims > GgufTensorInfo.MAX_DIMS) {
            throw in.error("tensor '" + name + "' has n_dims " + nDims + ", expected 1 to " + GgufTensorInfo.MAX_DIMS);
        }
        long[] dims = new long[(int) nDims];
        long elements = 1;
        for (int j = 0; j < nDims; j++) {
            dims[j] = in.u64();
            if (dims[j] <= 0) {
                throw in.error("tensor '" + name + "' dimension " + j + " is " + Long.toUnsignedString(dims[j])
                        + ", expected a positive size below 2^63");
            }
            if (elements > Long.MAX_VALUE / dims[j]) {
                throw in.error("tensor '" + name + "' has more than 2^63 elements");
            }
            elements *= dims[j];
        }
        long typeId = in.u32();
        GgmlType type = GgmlType.fromId(typeId).orElseThrow(
                () -> in.error("tensor '" + name + "' has unknown ggml type id " + typeId));
        if (dims[0] % type.blockSize() != 0) {
            throw in.error("tensor '" + name + "' has rows of " + dims[0] + " elements, not a multiple of the "
                    + type + " block size " + type.blockSize());
        }
        if (elements / type.blockSize() > Long.MAX_VALUE / type.bytesPerBlock()) {
            throw in.error("tensor '" + name + "' is larger than 2^63 bytes");
        }
        long offset = in.u64();
        if (offset < 0) {
            throw in.error("tensor '" + name + "' has data offset " + Long.toUnsignedString(offset)
                    + ", beyond the end of any file");
        }
        if (offset % alignment != 0) {
            throw in.error("tensor '" + name + "' has data offset " + offset + ", not a multiple of the alignment "
                    + alignment);
        }
        return new GgufTensorInfo(name, dims, type, offset);
    }

    private void checkTensorPlacement(List<GgufTensorInfo> tensors, long dataOffset) {
        if (tensors.isEmpty()) {
            return;
        }
        long fileSize = in.size();
        List<GgufTensorInfo> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(GgufTensorInfo::offset));
        GgufTensorInfo previous = null;
        for (GgufTensorInfo t : byOffset) {
            long start = dataOffset + t.offset();
            long bytes = t.byteSize();
            if (start < 0 || start > fileSize || bytes > fileSize - start) {
                throw in.error("tensor '" + t.name() + "' data [" + start + ", " + (start + bytes)
                        + ") extends past the end of the file (" + fileSize + " bytes); the file is truncated or corrupt");
            }
            if (previous != null && previous.offset() + previous.byteSize() > t.offset()) {
                throw in.error("tensor '" + t.name() + "' data at relative offset " + t.offset() + " overlaps tensor '"
                        + previous.name() + "' data [" + previous.offset() + ", "
                        + (previous.offset() + previous.byteSize()) + ")");
            }
            previous = t;
        }
    }

    /** {@code value} rounded up to a multiple of {@code alignment} (a power of two). */
    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
