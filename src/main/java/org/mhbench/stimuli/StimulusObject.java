package org.mhbench.stimuli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed, validating access to one JSON object of a stimulus file. Every failure is a
 * {@link StimulusFormatException} naming the file and the line where the object starts.
 */
public final class StimulusObject {

    /** Ids: lower-case letters, digits and underscores (safe in record keys and file names). */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]*");

    private final LocatedJson source;
    private final JsonNode node;
    private final String what;

    private StimulusObject(LocatedJson source, JsonNode node, String what) {
        this.source = source;
        this.node = node;
        this.what = what;
    }

    /** Wraps {@code node}, which must be a JSON object; {@code what} names it in messages (e.g. "question"). */
    public static StimulusObject of(LocatedJson source, JsonNode node, String what) {
        StimulusObject o = new StimulusObject(source, node, what);
        if (!node.isObject()) {
            throw o.fail(what + " must be a JSON object, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return o;
    }

    public int line() {
        return source.lineOf(node);
    }

    /** An error at this object's line. */
    public StimulusFormatException fail(String reason) {
        return new StimulusFormatException(source.file(), line(), reason);
    }

    /** Rejects keys outside {@code allowed}: a misspelt optional key would otherwise be ignored silently. */
    public StimulusObject onlyKeys(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw fail(what + ": unknown key \"" + n + "\" (allowed: " + String.join(", ", new TreeSet<>(allowed))
                        + ")");
            }
        }
        return this;
    }

    /** A required, non-blank string. */
    public String text(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw fail(what + ": missing \"" + key + "\"");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw fail(what + ": \"" + key + "\" must be a non-blank string");
        }
        return v.asText();
    }

    /** A required id matching {@link #ID}. */
    public String id(String key) {
        String v = text(key);
        if (!ID.matcher(v).matches()) {
            throw fail(what + ": \"" + key + "\" is \"" + v + "\"; use lower-case letters, digits and _ only");
        }
        return v;
    }

    /** An optional string, or {@code fallback} when absent. */
    public String optText(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** An optional boolean, or {@code fallback} when absent. */
    public boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw fail(what + ": \"" + key + "\" must be true or false");
        }
        return v.asBoolean();
    }

    /** A list of non-blank strings; absent means empty unless {@code required}. */
    public List<String> texts(String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw fail(what + ": missing \"" + key + "\"");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw fail(what + ": \"" + key + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw fail(what + ": every entry of \"" + key + "\" must be a non-blank string");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A nested object. */
    public StimulusObject object(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw fail(what + ": missing \"" + key + "\"");
        }
        return of(source, v, what + "." + key);
    }

    /** A required list of objects. */
    public List<StimulusObject> objects(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw fail(what + ": \"" + key + "\" must be a non-empty list of objects");
        }
        List<StimulusObject> out = new ArrayList<>();
        for (JsonNode e : v) {
            StimulusObject o = of(source, e, key + " entry");
            out.add(o);
        }
        return out;
    }

    /** This object's entries as key → object, in file order (for objects keyed by id). */
    public Map<String, StimulusObject> entries(String entryWhat) {
        Map<String, StimulusObject> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ID.matcher(e.getKey()).matches()) {
                throw fail(entryWhat + " id \"" + e.getKey() + "\": use lower-case letters, digits and _ only");
            }
            out.put(e.getKey(), of(source, e.getValue(), entryWhat + " " + e.getKey()));
        }
        return out;
    }

    /** A map of string values (e.g. pronouns). */
    public Map<String, String> textMap(String key) {
        StimulusObject m = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<String> names = m.node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            out.put(n, m.text(n));
        }
        return out;
    }
}
