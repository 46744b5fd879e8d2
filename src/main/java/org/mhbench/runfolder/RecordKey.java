package org.mhbench.runfolder;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of one generated item: which model (by file hash, not by path or label), in which
 * setting, on which stimulus, which sample. Two runs of the same model and setting produce the
 * same keys, which is what lets an interrupted run resume without repeating or losing items.
 *
 * @param modelSha256 hex SHA-256 of the model file (the first 16 characters are used)
 * @param setting     the condition the item was generated under, e.g. {@code steel-man} or
 *                    {@code none+transcript=t03@50}
 * @param stimulus    stimulus id, e.g. {@code dpr-w-m-college/q08}
 * @param sample      sample index, 0-based
 */
public record RecordKey(String modelSha256, String setting, String stimulus, int sample) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.@=+\\-/]+");

    public RecordKey {
        Objects.requireNonNull(modelSha256, "modelSha256");
        check("setting", setting);
        check("stimulus", stimulus);
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be >= 0");
        }
    }

    private static void check(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' may use only letters, digits and _.@=+-/");
        }
    }

    /** {@code <sha16>:<setting>:<stimulus>:<sample>}, e.g. {@code 3f2a…:steel-man:dpr-w-m-college/q08:0}. */
    public String id() {
        return modelSha256.substring(0, Math.min(16, modelSha256.length())) + ":" + item(setting, stimulus, sample);
    }

    /** The item's part of an id, the same for every model: {@code <setting>:<stimulus>:<sample>}. */
    public static String item(String setting, String stimulus, int sample) {
        return setting + ":" + stimulus + ":" + sample;
    }

    /** The item's part of a record id ({@link #item}): everything after the model's hash. */
    public static String itemOf(String recordId) {
        return recordId.substring(recordId.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return id();
    }
}
