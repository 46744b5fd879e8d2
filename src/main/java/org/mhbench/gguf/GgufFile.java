package org.mhbench.gguf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The header, metadata and tensor table of a GGUF file, without tensor data.
 *
 * @param path the file that was read
 * @param version GGUF version (2 or 3)
 * @param metadata key/value pairs in file order, unmodifiable; values use the Java mapping documented on
 *     {@link GgufValueType} (arrays are unmodifiable lists)
 * @param tensors tensor table in file order, unmodifiable
 * @param alignment alignment of tensor data in bytes ({@code general.alignment}, default 32)
 * @param dataOffset absolute file offset at which the data section starts (tensor offsets are relative
 *     to it); for a file without tensors, where it would start
 * @param fileSize size of the file in bytes
 */
public record GgufFile(
        Path path,
        int version,
        Map<String, Object> metadata,
        List<GgufTensorInfo> tensors,
        int alignment,
        long dataOffset,
        long fileSize) {

    /** Key holding the data alignment. */
    public static final String KEY_ALIGNMENT = "general.alignment";
    /** Alignment used when {@value #KEY_ALIGNMENT} is absent. */
    public static final int DEFAULT_ALIGNMENT = 32;

    public GgufFile {
        Objects.requireNonNull(path, "path");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** The string value of {@code key}, or empty if absent or not a string. */
    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * The integer value of {@code key} (any GGUF integer type), or empty if absent or not an integer.
     * UINT64 values of 2<sup>63</sup> and above come back negative.
     */
    public OptionalLong integer(String key) {
        Object v = metadata.get(key);
        if (v instanceof Integer i) {
            return OptionalLong.of(i);
        }
        if (v instanceof Long l) {
            return OptionalLong.of(l);
        }
        return OptionalLong.empty();
    }

    /** The floating-point value of {@code key} (FLOAT32 or FLOAT64), or empty if absent or not a float. */
    public OptionalDouble real(String key) {
        Object v = metadata.get(key);
        if (v instanceof Float f) {
            return OptionalDouble.of(f);
        }
        if (v instanceof Double d) {
            return OptionalDouble.of(d);
        }
        return OptionalDouble.empty();
    }

    /** The boolean value of {@code key}, or empty if absent or not a boolean. */
    public Optional<Boolean> bool(String key) {
        return metadata.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The array value of {@code key}, or empty if absent or not an array. */
    public Optional<List<?>> array(String key) {
        return metadata.get(key) instanceof List<?> l ? Optional.of(l) : Optional.empty();
    }

    /** The tensor called {@code name}, if present. */
    public Optional<GgufTensorInfo> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Absolute file offset of the first byte of {@code tensor}'s data. */
    public long absoluteOffset(GgufTensorInfo tensor) {
        return dataOffset + tensor.offset();
    }
}
