package org.mhbench.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a GGUF file's tensor table.
 *
 * @param name tensor name, e.g. {@code blk.0.attn_q.weight}
 * @param dims shape in ggml order: {@code dims[0]} varies fastest (the row length), so a matrix with
 *     {@code r} rows of {@code c} elements is {@code [c, r]}; 1 to 4 entries, each positive. The record
 *     keeps and hands out copies.
 * @param type element type
 * @param offset byte offset of the tensor's data relative to the start of the data section
 *     ({@link GgufFile#dataOffset()})
 */
public record GgufTensorInfo(String name, long[] dims, GgmlType type, long offset) {

    /** Most dimensions ggml supports. */
    public static final int MAX_DIMS = 4;

    /**
     * @throws IllegalArgumentException if dims has no or more than 4 entries, an entry is not positive,
     *     the offset is negative, or the element count overflows a long
     */
    public GgufTensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = Objects.requireNonNull(dims, "dims").clone();
        if (dims.length == 0 || dims.length > MAX_DIMS) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + dims.length + " dimensions, expected 1 to " + MAX_DIMS);
        }
        for (long d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a dimension " + d + " <= 0");
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("tensor '" + name + "' has negative offset " + offset);
        }
        try {
            elementCount(dims);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tensor '" + name + "' has more than 2^63 elements", e);
        }
    }

    /** A copy of the shape, in ggml order. */
    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Number of dimensions (1 to 4). */
    public int rank() {
        return dims.length;
    }

    /** Product of the dimensions. */
    public long elementCount() {
        return elementCount(dims);
    }

    /**
     * Bytes of tensor data in the file.
     *
     * @throws IllegalArgumentException if the row length is not a whole number of the type's blocks
     */
    public long byteSize() {
        return type.byteSize(elementCount());
    }

    private static long elementCount(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo other
                && name.equals(other.name)
                && Arrays.equals(dims, other.dims)
                && type == other.type
                && offset == other.offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(dims), type, offset);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(dims) + " @" + offset;
    }
}
