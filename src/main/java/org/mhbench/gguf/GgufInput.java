package org.mhbench.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Buffered little-endian reader over a file that knows how many bytes are left and turns every shortfall
 * into a {@link GgufFormatException} naming the file, the offset and what was being read.
 *
 * <p>The "context" is a short description of what the caller is reading (e.g. "tensor info #3"); it is set
 * at coarse granularity so that reading a 100k-entry array costs no string building.
 */
final class GgufInput implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final String fileLabel;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer;
    /** File offset of {@code buffer.get(0)}. */
    private long bufferStart;
    private String context = "header";

    private GgufInput(String fileLabel, FileChannel channel, long size) {
        this.fileLabel = fileLabel;
        this.channel = channel;
        this.size = size;
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.buffer.limit(0);
    }

    /** Opens {@code path} for reading. */
    static GgufInput open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new GgufInput(path.toString(), channel, channel.size());
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Size of the file in bytes. */
    long size() {
        return size;
    }

    /** Absolute offset of the next byte to be read. */
    long position() {
        return bufferStart + buffer.position();
    }

    /** Bytes between the read position and the end of the file. */
    long remaining() {
        return size - position();
    }

    /** Sets the description used in truncation messages. */
    void context(String what) {
        this.context = what;
    }

    /** An exception whose message is {@code "<file>: <problem>"}. */
    GgufFormatException error(String problem) {
        return new GgufFormatException(fileLabel + ": " + problem);
    }

    int u8() throws IOException {
        ensure(1);
        return Byte.toUnsignedInt(buffer.get());
    }

    int u16() throws IOException {
        ensure(2);
        return Short.toUnsignedInt(buffer.getShort());
    }

    int i16() throws IOException {
        ensure(2);
        return buffer.getShort();
    }

    long u32() throws IOException {
        ensure(4);
        return Integer.toUnsignedLong(buffer.getInt());
    }

    int i32() throws IOException {
        ensure(4);
        return buffer.getInt();
    }

    /** A uint64 or int64 as its raw 64 bits. */
    long u64() throws IOException {
        ensure(8);
        return buffer.getLong();
    }

    float f32() throws IOException {
        ensure(4);
        return buffer.getFloat();
    }

    double f64() throws IOException {
        ensure(8);
        return buffer.getDouble();
    }

    /** Reads {@code n} bytes; the caller has checked that {@code n} is plausible. */
    byte[] bytes(int n) throws IOException {
        if (n > remaining()) {
            throw truncated(n);
        }
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            ensure(1);
            int chunk = Math.min(n - done, buffer.remaining());
            buffer.get(out, done, chunk);
            done += chunk;
        }
        return out;
    }

    /**
     * Reads a GGUF string (uint64 byte length, then UTF-8 bytes; malformed UTF-8 is replaced, not rejected).
     *
     * @param maxLength largest accepted byte length
     */
    String string(long maxLength) throws IOException {
        long length = u64();
        if (length < 0 || length > maxLength) {
            throw error(context + ": string length " + Long.toUnsignedString(length)
                    + " exceeds the limit of " + maxLength + " bytes (at offset " + (position() - 8) + ")");
        }
        if (length > remaining()) {
            throw error(context + ": string length " + length + " exceeds the " + remaining()
                    + " bytes left in the file (at offset " + (position() - 8) + "); the file is truncated or corrupt");
        }
        return new String(bytes((int) length), StandardCharsets.UTF_8);
    }

    private void ensure(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return;
        }
        if (remaining() < n) {
            throw truncated(n);
        }
        bufferStart += buffer.position();
        buffer.compact();
        while (buffer.position() < n) {
            int read = channel.read(buffer, bufferStart + buffer.position());
            if (read < 0) {
                buffer.flip();
                throw truncated(n);
            }
        }
        buffer.flip();
    }

    private GgufFormatException truncated(long needed) {
        return error("truncated file: " + context + " needs " + needed + " byte(s) at offset " + position()
                + " but the file ends at " + size);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
