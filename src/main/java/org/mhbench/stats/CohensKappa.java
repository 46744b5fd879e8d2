package org.mhbench.stats;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cohen's κ between two raters who labelled the same items: (p_o − p_e) / (1 − p_e), with p_o the
 * observed agreement and p_e the agreement expected from each rater's label frequencies (as
 * {@code sklearn.metrics.cohen_kappa_score}). NaN when p_e = 1 (both raters used one and the same
 * label throughout).
 */
public final class CohensKappa {

    private CohensKappa() {
    }

    /**
     * κ for paired labels; {@code a.get(i)} and {@code b.get(i)} rate the same item. Labels are
     * compared with {@link Objects#equals}; no label may be {@code null}.
     */
    public static <T> double kappa(List<T> a, List<T> b) {
        check(a, b);
        int n = a.size();
        Map<T, Integer> ca = new HashMap<>();
        Map<T, Integer> cb = new HashMap<>();
        Set<T> labels = new LinkedHashSet<>();
        int agree = 0;
        for (int i = 0; i < n; i++) {
            T x = a.get(i);
            T y = b.get(i);
            ca.merge(x, 1, Integer::sum);
            cb.merge(y, 1, Integer::sum);
            labels.add(x);
            labels.add(y);
            if (x.equals(y)) {
                agree++;
            }
        }
        double po = (double) agree / n;
        double pe = 0;
        for (T l : labels) {
            pe += (double) ca.getOrDefault(l, 0) / n * cb.getOrDefault(l, 0) / n;
        }
        return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
    }

    /** The share of items both raters labelled the same. */
    public static <T> double agreement(List<T> a, List<T> b) {
        check(a, b);
        int agree = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                agree++;
            }
        }
        return (double) agree / a.size();
    }

    private static <T> void check(List<T> a, List<T> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("raters labelled different numbers of items: " + a.size() + " vs "
                    + b.size());
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("no items");
        }
        if (a.stream().anyMatch(Objects::isNull) || b.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a label is null; drop unlabelled items first");
        }
    }
}
