package org.mhbench.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mhbench.runfolder.RunParameters;
import org.mhbench.util.Json;

/**
 * The settings that differ between what a run folder recorded and a run about to continue it: the typed
 * {@link RunParameters} compared field by field, each named by its manifest path.
 */
public final class SettingsDiff {

    /** Settings a resume may change. */
    static final Set<String> MAY_CHANGE = Set.of("limit", "run_id");
    /**
     * Where a stimulus folder was: a resume from another checkout is the same run when the files' hashes
     * (recorded beside it) are equal.
     */
    static final Set<String> LOCATIONS = Set.of("stimuli_dir");

    private SettingsDiff() {
    }

    /**
     * Each setting that differs, as {@code path: was -> now} (e.g. {@code models[0].threads: 1 -> 2}),
     * leaving out those a resume may change.
     */
    public static List<String> changed(RunParameters recorded, RunParameters now) {
        List<String> out = new ArrayList<>();
        diff("", fields(recorded), fields(now), out);
        return out;
    }

    /**
     * A record's fields by their manifest names (an experiment's own settings beside the typed ones), a
     * map's entries, or a value as it is.
     */
    private static Object fields(Object o) {
        if (o == null || !o.getClass().isRecord()) {
            return o;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(o);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            // Jackson's annotations reach a record's accessor, not its component.
            if (c.getAccessor().isAnnotationPresent(JsonAnyGetter.class) && v instanceof Map<?, ?> m) {
                m.forEach((k, x) -> out.put(k.toString(), x));
            } else {
                JsonProperty name = c.getAccessor().getAnnotation(JsonProperty.class);
                out.put(name == null ? c.getName() : name.value(), v);
            }
        }
        return out;
    }

    /** A value as the manifest writes it (a record as its JSON object). */
    private static Object shown(Object o) {
        return o instanceof Map<?, ?> || o instanceof List<?> ? Json.MAPPER.convertValue(o, Object.class) : o;
    }

    private static void diff(String path, Object was, Object is, List<String> out) {
        was = fields(was);
        is = fields(is);
        if (was instanceof Map<?, ?> a && is instanceof Map<?, ?> b) {
            Set<Object> keys = new TreeSet<>(Comparator.comparing(Object::toString));
            keys.addAll(a.keySet());
            keys.addAll(b.keySet());
            for (Object k : keys) {
                if (path.isEmpty() && MAY_CHANGE.contains(k.toString()) || LOCATIONS.contains(k.toString())) {
                    continue;
                }
                diff(path.isEmpty() ? k.toString() : path + "." + k, a.get(k), b.get(k), out);
            }
        } else if (was instanceof List<?> a && is instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!Objects.equals(String.valueOf(was), String.valueOf(is))) {
            out.add(path + ": " + shown(was) + " -> " + shown(is));
        }
    }
}
