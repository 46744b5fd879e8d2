package org.mhbench.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streams a little-endian GGUF v3 file to disk.
 *
 * <p>Use in three phases, in this order:
 * <ol>
 *   <li>declare metadata with the {@code put...} methods and tensors with
 *       {@link #addTensor(String, GgmlType, long...)};</li>
 *   <li>write each tensor's data with {@code writeTensorData}, in declaration order (the first call writes
 *       the header, metadata and tensor table);</li>
 *   <li>{@link #close()}.</li>
 * </ol>
 *
 * <p>Tensor data is aligned to {@code general.alignment} if it was put (as UINT32), else to 32 bytes, and
 * each tensor is followed by zero padding up to the alignment. The file is written to a temporary sibling
 * and moved into place by {@link #close()} only once every declared tensor got exactly its byte size;
 * otherwise {@code close()} deletes it, so an incomplete GGUF file is never left at the target path.
 * Like any temporary file, the result is readable and writable by its owner only.
 *
 * <p>Not thread-safe.
 */
public final class GgufWriter implements AutoCloseable {

    private static final int MAX_KEY_BYTES = 65_535;

    private enum State { DECLARING, WRITING_DATA, FAILED, CLOSED }

    private record MetadataEntry(GgufValueType type, GgufValueType elementType, Object value) {
    }

    private final Path target;
    private final Path partial;
    private final GgufOutput out;
    private final Map<String, MetadataEntry> metadata = new LinkedHashMap<>();
    private final List<GgufTensorInfo> tensors = new ArrayList<>();
    private final Map<String, Integer> tensorIndex = new HashMap<>();
    private int alignment = GgufFile.DEFAULT_ALIGNMENT;
    private long nextOffset;
    private int nextTensor;
    private State state = State.DECLARING;

    private GgufWriter(Path target, Path partial, GgufOutput out) {
        this.target = target;
        this.partial = partial;
        this.out = out;
    }

    /**
     * Starts writing a GGUF file that will appear at {@code path} when {@link #close()} succeeds, replacing
     * any file there.
     */
    public static GgufWriter create(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, absolute.getFileName().toString() + ".", ".partial");
        try {
            FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new GgufWriter(absolute, partial, new GgufOutput(channel));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    // ---- metadata -------------------------------------------------------------------------------------

    /**
     * Adds a scalar metadata value; {@code value} follows the Java mapping on {@link GgufValueType}
     * (integral types also accept any integral boxed type in range).
     *
     * @throws IllegalArgumentException for an empty or duplicate key, a value that does not fit
     *     {@code type}, {@code type} ARRAY, or an invalid {@code general.alignment}
     * @throws IllegalStateException once tensor data has started
     */
    public GgufWriter put(String key, GgufValueType type, Object value) {
        Objects.requireNonNull(type, "type");
        Object canonical = GgufValues.canonicalScalar(type, value);
        if (key.equals(GgufFile.KEY_ALIGNMENT)) {
            requireState(State.DECLARING, "add metadata");
            if (!tensors.isEmpty()) {
                throw new IllegalStateException(GgufFile.KEY_ALIGNMENT + " must be put before tensors are declared");
            }
            int requested = checkAlignment(type, canonical);
            addMetadata(key, new MetadataEntry(type, null, canonical));
            alignment = requested;
            return this;
        }
        return addMetadata(key, new MetadataEntry(type, null, canonical));
    }

    /**
     * Adds an array metadata value whose elements are scalars of {@code elementType} (nested arrays are
     * not written).
     *
     * @throws IllegalArgumentException for an empty or duplicate key or an element that does not fit
     * @throws IllegalStateException once tensor data has started
     */
    public GgufWriter putArray(String key, GgufValueType elementType, List<?> elements) {
        Objects.requireNonNull(elementType, "elementType");
        if (key.equals(GgufFile.KEY_ALIGNMENT)) {
            throw new IllegalArgumentException(GgufFile.KEY_ALIGNMENT + " must be a UINT32, not an array");
        }
        List<Object> canonical = GgufValues.canonicalArray(elementType, elements);
        return addMetadata(key, new MetadataEntry(GgufValueType.ARRAY, elementType, canonical));
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValueType.STRING, value);
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValueType.BOOL, value);
    }

    /** @param value 0 to 255 */
    public GgufWriter putUInt8(String key, int value) {
        return put(key, GgufValueType.UINT8, value);
    }

    public GgufWriter putInt8(String key, int value) {
        return put(key, GgufValueType.INT8, value);
    }

    /** @param value 0 to 65535 */
    public GgufWriter putUInt16(String key, int value) {
        return put(key, GgufValueType.UINT16, value);
    }

    public GgufWriter putInt16(String key, int value) {
        return put(key, GgufValueType.INT16, value);
    }

    /** @param value 0 to 2<sup>32</sup>-1 */
    public GgufWriter putUInt32(String key, long value) {
        return put(key, GgufValueType.UINT32, value);
    }

    public GgufWriter putInt32(String key, int value) {
        return put(key, GgufValueType.INT32, value);
    }

    /** @param value the raw 64 bits (negative values stand for 2<sup>63</sup> and above) */
    public GgufWriter putUInt64(String key, long value) {
        return put(key, GgufValueType.UINT64, value);
    }

    public GgufWriter putInt64(String key, long value) {
        return put(key, GgufValueType.INT64, value);
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValueType.FLOAT32, value);
    }

    public GgufWriter putFloat64(String key, double value) {
        return put(key, GgufValueType.FLOAT64, value);
    }

    public GgufWriter putStringArray(String key, List<String> values) {
        return putArray(key, GgufValueType.STRING, values);
    }

    public GgufWriter putInt32Array(String key, int[] values) {
        return putArray(key, GgufValueType.INT32, Arrays.stream(values).boxed().toList());
    }

    public GgufWriter putFloat32Array(String key, float[] values) {
        List<Float> boxed = new ArrayList<>(values.length);
        for (float v : values) {
            boxed.add(v);
        }
        return putArray(key, GgufValueType.FLOAT32, boxed);
    }

    private GgufWriter addMetadata(String key, MetadataEntry entry) {
        requireState(State.DECLARING, "add metadata");
        int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes == 0 || keyBytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("metadata key must be 1 to " + MAX_KEY_BYTES + " bytes: '" + key + "'");
        }
        if (metadata.containsKey(key)) {
            throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
        }
        metadata.put(key, entry);
        return this;
    }

    private static int checkAlignment(GgufValueType type, Object value) {
        if (type != GgufValueType.UINT32) {
            throw new IllegalArgumentException(GgufFile.KEY_ALIGNMENT + " must be a UINT32, not " + type);
        }
        long a = (Long) value;
        if (a == 0 || (a & (a - 1)) != 0 || a > (1 << 30)) {
            throw new IllegalArgumentException(GgufFile.KEY_ALIGNMENT + " must be a power of two up to 2^30, not " + a);
        }
        return (int) a;
    }

    // ---- tensors --------------------------------------------------------------------------------------

    /**
     * Declares a tensor. Data offsets are assigned in declaration order.
     *
     * @param dims shape in ggml order ({@code dims[0]} is the row length), 1 to 4 positive entries; the row
     *     length must be a multiple of the type's block size
     * @return the declared tensor info (its offset is final)
     * @throws IllegalArgumentException for an empty, over-long (64+ bytes) or duplicate name, or a bad shape
     * @throws IllegalStateException once tensor data has started
     */
    public GgufTensorInfo addTensor(String name, GgmlType type, long... dims) {
        requireState(State.DECLARING, "declare tensors");
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes == 0 || nameBytes >= GgufReader.MAX_TENSOR_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name must be 1 to " + (GgufReader.MAX_TENSOR_NAME_BYTES - 1)
                    + " bytes: '" + name + "'");
        }
        if (tensorIndex.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
        }
        GgufTensorInfo info = new GgufTensorInfo(name, dims, type, nextOffset);
        if (dims[0] % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': row length " + dims[0]
                    + " is not a multiple of the " + type + " block size " + type.blockSize());
        }
        nextOffset = Math.addExact(nextOffset, GgufReader.alignUp(info.byteSize(), alignment));
        tensorIndex.put(name, tensors.size());
        tensors.add(info);
        return info;
    }

    /** The tensors declared so far, with their offsets relative to the data section. */
    public List<GgufTensorInfo> tensors() {
        return List.copyOf(tensors);
    }

    /**
     * Writes the data of the next tensor from {@code data}'s remaining bytes, which must be exactly the
     * tensor's byte size; consumes {@code data}.
     *
     * @throws IllegalStateException if {@code name} is not the next tensor in declaration order or the size
     *     is wrong (the writer is then unusable and {@link #close()} discards the file)
     */
    public void writeTensorData(String name, ByteBuffer data) throws IOException {
        writeTensorData(name, sink -> {
            while (data.hasRemaining()) {
                sink.write(data);
            }
        });
    }

    /**
     * Writes the data of the next tensor by letting {@code content} stream it.
     *
     * @throws IllegalStateException if {@code name} is not the next tensor in declaration order or the
     *     content's size is wrong (the writer is then unusable and {@link #close()} discards the file)
     */
    public void writeTensorData(String name, TensorContent content) throws IOException {
        if (state == State.DECLARING) {
            beginData();
        }
        requireState(State.WRITING_DATA, "write tensor data");
        if (nextTensor >= tensors.size()) {
            throw fail("all " + tensors.size() + " declared tensors are already written; '" + name + "' is extra");
        }
        GgufTensorInfo expected = tensors.get(nextTensor);
        if (!expected.name().equals(name)) {
            throw fail("tensor data must be written in declaration order: expected '" + expected.name()
                    + "', got '" + name + "'");
        }
        TensorSink sink = new TensorSink(out, name, expected.byteSize());
        try {
            content.writeTo(sink);
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        } finally {
            sink.close();
        }
        if (sink.written() != expected.byteSize()) {
            throw fail("tensor '" + name + "' got " + sink.written() + " bytes of data, expected "
                    + expected.byteSize());
        }
        out.padTo(alignment);
        nextTensor++;
    }

    private void beginData() throws IOException {
        try {
            writeHeader();
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        state = State.WRITING_DATA;
    }

    private void writeHeader() throws IOException {
        out.u8('G');
        out.u8('G');
        out.u8('U');
        out.u8('F');
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, MetadataEntry> e : metadata.entrySet()) {
            out.string(e.getKey());
            MetadataEntry entry = e.getValue();
            out.u32(entry.type().id());
            if (entry.type() == GgufValueType.ARRAY) {
                List<?> elements = (List<?>) entry.value();
                out.u32(entry.elementType().id());
                out.u64(elements.size());
                for (Object element : elements) {
                    GgufValues.writeScalar(out, entry.elementType(), element);
                }
            } else {
                GgufValues.writeScalar(out, entry.type(), entry.value());
            }
        }
        for (GgufTensorInfo t : tensors) {
            out.string(t.name());
            long[] dims = t.dims();
            out.u32(dims.length);
            for (long d : dims) {
                out.u64(d);
            }
            out.u32(t.type().id());
            out.u64(t.offset());
        }
        out.padTo(alignment);
    }

    private IllegalStateException fail(String message) {
        state = State.FAILED;
        return new IllegalStateException(message);
    }

    private void requireState(State required, String action) {
        if (state != required) {
            throw new IllegalStateException("cannot " + action + " in state " + state);
        }
    }

    /**
     * Finishes the file and moves it to its target path. If tensor data is missing, or writing failed,
     * the partial file is deleted instead and, in the first case, an {@link IllegalStateException} names the
     * missing tensors. Closing twice does nothing.
     */
    @Override
    public void close() throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        boolean failedBefore = state == State.FAILED;
        boolean complete = false;
        try {
            if (state == State.DECLARING && tensors.isEmpty()) {
                beginData();
            }
            complete = state == State.WRITING_DATA && nextTensor == tensors.size();
            if (complete) {
                out.flush();
            }
        } finally {
            state = State.CLOSED;
            try {
                out.close();
            } finally {
                if (complete) {
                    moveIntoPlace();
                } else {
                    Files.deleteIfExists(partial);
                }
            }
        }
        if (!complete && !failedBefore && nextTensor < tensors.size()) {
            List<String> missing = tensors.subList(nextTensor, tensors.size()).stream().map(GgufTensorInfo::name).toList();
            throw new IllegalStateException("GGUF file " + target + " not written: no data for " + missing.size()
                    + " tensor(s), first " + missing.get(0));
        }
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
