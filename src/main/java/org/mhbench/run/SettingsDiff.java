package org.mhbench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mhbench.util.Json;

/** The settings that differ between what a run folder recorded and a run about to continue it. */
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
    public static List<String> changed(Map<String, Object> recorded, Map<String, Object> now) {
        Object normalised = Json.MAPPER.convertValue(now, Object.class);
        List<String> out = new ArrayList<>();
        diff("", recorded, normalised, out);
        return out;
    }

    private static void diff(String path, Object was, Object is, List<String> out) {
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
            out.add(path + ": " + was + " -> " + is);
        }
    }
}
