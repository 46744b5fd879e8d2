package org.mhbench.judge.eval;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement of a judge with reference labels, overall and per criterion.
 *
 * @param overall      all items
 * @param perCriterion criterion id → its items, sorted by id
 * @param needsReview  items the judge flagged for review
 */
public record Agreement(ConfusionMatrix overall, Map<String, ConfusionMatrix> perCriterion, int needsReview) {

    public Agreement {
        perCriterion = Collections.unmodifiableMap(new TreeMap<>(perCriterion));
    }

    /** One judged item: its criterion, the reference label, the judge's answer, and the review flag. */
    public record Pair(String criterion, boolean referenceYes, boolean judgeYes, boolean needsReview) {
    }

    public static Agreement of(List<Pair> pairs) {
        ConfusionMatrix all = ConfusionMatrix.EMPTY;
        Map<String, ConfusionMatrix> per = new TreeMap<>();
        int review = 0;
        for (Pair p : pairs) {
            all = all.add(p.referenceYes(), p.judgeYes());
            per.merge(p.criterion(), ConfusionMatrix.EMPTY.add(p.referenceYes(), p.judgeYes()), ConfusionMatrix::plus);
            if (p.needsReview()) {
                review++;
            }
        }
        return new Agreement(all, per, review);
    }

    /** The smallest per-criterion κ (NaN criteria ignored), or NaN if none is defined. */
    public double minCriterionKappa() {
        return perCriterion.values().stream().mapToDouble(ConfusionMatrix::kappa).filter(k -> !Double.isNaN(k))
                .min().orElse(Double.NaN);
    }
}
