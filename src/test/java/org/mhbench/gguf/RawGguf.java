package org.mhbench.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds GGUF bytes field by field, so that tests can produce precisely malformed files. */
final class RawGguf {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Magic, version and counts. */
    static RawGguf header(long version, long tensorCount, long kvCount) {
        return new RawGguf().raw('G', 'G', 'U', 'F').u32(version).u64(tensorCount).u64(kvCount);
    }

    RawGguf raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    RawGguf u8(int v) {
        out.write(v);
        return this;
    }

    RawGguf u32(long v) {
        return put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v));
    }

    RawGguf u64(long v) {
        return put(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v));
    }

    RawGguf f32(float v) {
        return put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v));
    }

    RawGguf string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u64(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    RawGguf kvString(String key, String value) {
        return string(key).u32(GgufValueType.STRING.id()).string(value);
    }

    RawGguf kvU32(String key, long value) {
        return string(key).u32(GgufValueType.UINT32.id()).u32(value);
    }

    /** A tensor info with the given shape (ggml order). */
    RawGguf tensor(String name, GgmlType type, long offset, long... dims) {
        string(name).u32(dims.length);
        for (long d : dims) {
            u64(d);
        }
        return u32(type.id()).u64(offset);
    }

    /** Zero bytes up to a multiple of {@code alignment}. */
    RawGguf padTo(int alignment) {
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        return this;
    }

    RawGguf zeros(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, out.toByteArray());
    }

    private RawGguf put(ByteBuffer b) {
        out.writeBytes(b.array());
        return this;
    }
}
