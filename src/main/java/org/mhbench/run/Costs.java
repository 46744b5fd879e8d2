package org.mhbench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds the cost of a resumed run's tries together. */
final class Costs {

    private static final List<String> ADDITIVE = List.of("wall_seconds", "cpu_seconds", "items", "cpu_energy_wh",
            "gpu_energy_wh", "energy_wh");

    private Costs() {
    }

    /** {@code now} plus {@code before} (an earlier try's cost, or {@code null}), with the rates recomputed. */
    static Map<String, Object> add(Map<String, Object> before, Map<String, Object> now) {
        if (before == null || before.isEmpty()) {
            return now;
        }
        Map<String, Object> sum = new LinkedHashMap<>(now);
        for (String k : ADDITIVE) {
            if (now.get(k) instanceof Number a && before.get(k) instanceof Number b) {
                sum.put(k, Math.round((a.doubleValue() + b.doubleValue()) * 1000) / 1000.0);
            }
        }
        double items = number(sum.get("items"));
        double wall = number(sum.get("wall_seconds"));
        double wh = number(sum.get("energy_wh"));
        sum.put("items", (long) items);
        sum.put("wh_per_1000_items", items > 0 ? Math.round(wh / items * 1000 * 1000) / 1000.0 : null);
        sum.put("items_per_second", wall > 0 ? Math.round(items / wall * 1000) / 1000.0 : null);
        sum.put("tries", (before.get("tries") instanceof Number t ? t.intValue() : 1) + 1);
        return sum;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
