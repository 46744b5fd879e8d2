package org.mhbench.gguf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks Java values against GGUF value types, converts them to the canonical Java mapping documented on
 * {@link GgufValueType}, and encodes them.
 */
final class GgufValues {

    private GgufValues() {
    }

    /**
     * The canonical Java value of {@code value} as a scalar of {@code type}: integral types accept any
     * {@link Byte}, {@link Short}, {@link Integer} or {@link Long} in range; FLOAT32 a {@link Float};
     * FLOAT64 a {@link Float} or {@link Double}; BOOL a {@link Boolean}; STRING a {@link String}.
     *
     * @throws IllegalArgumentException if the value does not fit the type, or the type is ARRAY
     */
    static Object canonicalScalar(GgufValueType type, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null is not a " + type + " value");
        }
        return switch (type) {
            case UINT8 -> (int) integral(type, value, 0, 0xFF);
            case INT8 -> (int) integral(type, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT16 -> (int) integral(type, value, 0, 0xFFFF);
            case INT16 -> (int) integral(type, value, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT32 -> integral(type, value, 0, 0xFFFF_FFFFL);
            case INT32 -> (int) integral(type, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT64, INT64 -> integral(type, value, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT32 -> expect(type, value, Float.class);
            case FLOAT64 -> value instanceof Float f ? Double.valueOf(f) : expect(type, value, Double.class);
            case BOOL -> expect(type, value, Boolean.class);
            case STRING -> expect(type, value, String.class);
            case ARRAY -> throw new IllegalArgumentException("ARRAY is not a scalar type");
        };
    }

    /** The canonical, unmodifiable form of an array of {@code elementType} (not ARRAY). */
    static List<Object> canonicalArray(GgufValueType elementType, List<?> elements) {
        if (elementType == GgufValueType.ARRAY) {
            throw new IllegalArgumentException("nested arrays are not supported by the writer");
        }
        List<Object> out = new ArrayList<>(elements.size());
        for (Object e : elements) {
            out.add(canonicalScalar(elementType, e));
        }
        return Collections.unmodifiableList(out);
    }

    /** Writes a canonical scalar of {@code type} (no type tag). */
    static void writeScalar(GgufOutput out, GgufValueType type, Object value) throws IOException {
        switch (type) {
            case UINT8, INT8, BOOL -> out.u8(value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value);
            case UINT16, INT16 -> out.u16((Integer) value);
            case UINT32 -> out.u32((Long) value);
            case INT32 -> out.u32((Integer) value);
            case UINT64, INT64 -> out.u64((Long) value);
            case FLOAT32 -> out.f32((Float) value);
            case FLOAT64 -> out.f64((Double) value);
            case STRING -> out.string((String) value);
            case ARRAY -> throw new IllegalArgumentException("ARRAY is not a scalar type");
        }
    }

    private static long integral(GgufValueType type, Object value, long min, long max) {
        long v;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else {
            throw new IllegalArgumentException(describe(value) + " is not a " + type + " value (expected an integer)");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is out of range for " + type + " [" + min + ", " + max + "]");
        }
        return v;
    }

    private static <T> T expect(GgufValueType type, Object value, Class<T> javaType) {
        if (!javaType.isInstance(value)) {
            throw new IllegalArgumentException(describe(value) + " is not a " + type + " value (expected "
                    + javaType.getSimpleName() + ")");
        }
        return javaType.cast(value);
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }
}
