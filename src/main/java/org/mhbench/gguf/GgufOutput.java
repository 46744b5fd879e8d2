package org.mhbench.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Buffered little-endian writer over a file channel that tracks the absolute write position. */
final class GgufOutput implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long flushed;

    GgufOutput(FileChannel channel) {
        this.channel = channel;
    }

    /** Bytes written so far, buffered ones included. */
    long position() {
        return flushed + buffer.position();
    }

    void u8(int v) throws IOException {
        room(1);
        buffer.put((byte) v);
    }

    void u16(int v) throws IOException {
        room(2);
        buffer.putShort((short) v);
    }

    /** Writes the low 32 bits of {@code v}. */
    void u32(long v) throws IOException {
        room(4);
        buffer.putInt((int) v);
    }

    void u64(long v) throws IOException {
        room(8);
        buffer.putLong(v);
    }

    void f32(float v) throws IOException {
        room(4);
        buffer.putFloat(v);
    }

    void f64(double v) throws IOException {
        room(8);
        buffer.putDouble(v);
    }

    /** A GGUF string: uint64 byte length, then the UTF-8 bytes. */
    void string(String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u64(utf8.length);
        write(ByteBuffer.wrap(utf8));
    }

    /** Writes all remaining bytes of {@code src}, consuming it. */
    void write(ByteBuffer src) throws IOException {
        if (src.remaining() <= buffer.remaining()) {
            buffer.put(src);
            return;
        }
        flush();
        if (src.remaining() < BUFFER_BYTES / 2) {
            buffer.put(src);
            return;
        }
        while (src.hasRemaining()) {
            flushed += channel.write(src);
        }
    }

    /** Writes zero bytes until {@link #position()} is a multiple of {@code alignment}. */
    void padTo(int alignment) throws IOException {
        long padding = GgufReader.alignUp(position(), alignment) - position();
        for (long i = 0; i < padding; i++) {
            u8(0);
        }
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer);
        }
        buffer.clear();
    }

    private void room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
