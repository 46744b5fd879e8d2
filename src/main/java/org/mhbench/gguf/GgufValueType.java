package org.mhbench.gguf;

import java.util.Optional;

/**
 * The type tag of a GGUF metadata value, as stored (uint32, little-endian) in front of every value and
 * array element type.
 *
 * <p>Java representation used by {@link GgufReader} and accepted by {@link GgufWriter}:
 * <table>
 *   <caption>GGUF value types and their Java mapping</caption>
 *   <tr><th>GGUF</th><th>Java</th></tr>
 *   <tr><td>UINT8, INT8, UINT16, INT16, INT32</td><td>{@link Integer}</td></tr>
 *   <tr><td>UINT32, INT64</td><td>{@link Long}</td></tr>
 *   <tr><td>UINT64</td><td>{@link Long} holding the raw 64 bits (values &ge; 2<sup>63</sup> appear negative;
 *       use {@link Long#toUnsignedString(long)})</td></tr>
 *   <tr><td>FLOAT32</td><td>{@link Float}</td></tr>
 *   <tr><td>FLOAT64</td><td>{@link Double}</td></tr>
 *   <tr><td>BOOL</td><td>{@link Boolean}</td></tr>
 *   <tr><td>STRING</td><td>{@link String} (UTF-8 in the file)</td></tr>
 *   <tr><td>ARRAY</td><td>unmodifiable {@link java.util.List} of the element type's Java values</td></tr>
 * </table>
 */
public enum GgufValueType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    STRING(8, -1),
    ARRAY(9, -1),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private static final GgufValueType[] BY_ID = new GgufValueType[13];

    static {
        for (GgufValueType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final int fixedSize;

    GgufValueType(int id, int fixedSize) {
        this.id = id;
        this.fixedSize = fixedSize;
    }

    /** The numeric tag written to the file. */
    public int id() {
        return id;
    }

    /** Whether a value of this type has a fixed encoded size (everything except STRING and ARRAY). */
    public boolean isFixedSize() {
        return fixedSize > 0;
    }

    /**
     * Encoded size in bytes of one value of a fixed-size type.
     *
     * @throws IllegalStateException for STRING and ARRAY
     */
    public int fixedSize() {
        if (fixedSize <= 0) {
            throw new IllegalStateException(this + " has no fixed size");
        }
        return fixedSize;
    }

    /**
     * The fewest bytes one value of this type can occupy in a file: the fixed size, 8 for a string (its
     * length prefix), 12 for an array (element type and count).
     */
    public int minimumEncodedSize() {
        return switch (this) {
            case STRING -> 8;
            case ARRAY -> 12;
            default -> fixedSize;
        };
    }

    /** The type with the given tag, or empty for an unknown tag (negative numbers included). */
    public static Optional<GgufValueType> fromId(long id) {
        if (id < 0 || id >= BY_ID.length) {
            return Optional.empty();
        }
        return Optional.of(BY_ID[(int) id]);
    }
}
