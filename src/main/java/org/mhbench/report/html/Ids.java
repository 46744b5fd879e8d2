package org.mhbench.report.html;

import java.util.HashMap;
import java.util.Map;

/** Unique element ids within one page: {@code chart-1}, {@code chart-2}, … */
final class Ids {

    private final Map<String, Integer> next = new HashMap<>();

    String next(String prefix) {
        int i = next.merge(prefix, 1, Integer::sum);
        return prefix + "-" + i;
    }
}
