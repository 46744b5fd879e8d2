package org.mhbench.judge.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Plain-text and JSON renderings of an {@link Agreement}. */
public final class AgreementTable {

    private AgreementTable() {
    }

    /**
     * One line per criterion and a pooled line: n, accuracy, Cohen's κ and the confusion matrix
     * (reference yes/no × judge yes/no), then the count flagged for review. When most verdicts need
     * review, the pooled line says so beside its κ ({@link #reviewWarning}).
     */
    public static List<String> lines(Agreement a) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-12s %5s %8s %7s   %s", "criterion", "n", "accuracy", "kappa",
                "confusion (reference/judge: yes/yes yes/no no/yes no/no)"));
        for (Map.Entry<String, ConfusionMatrix> e : a.perCriterion().entrySet()) {
            out.add(row(e.getKey(), e.getValue()));
        }
        out.add(row("all", a.overall()) + reviewWarning(a).map(w -> "   <- " + w).orElse(""));
        out.add(String.format(Locale.ROOT, "needs review: %d of %d", a.needsReview(), a.overall().n()));
        return out;
    }

    /**
     * A warning when most verdicts need review (the judge was unsure, or its answer could not be read and
     * was counted as the criterion's inappropriate answer): the κ then says more about the judge's
     * reading than about its judgement.
     */
    public static Optional<String> reviewWarning(Agreement a) {
        long n = a.overall().n();
        if (n == 0 || 2L * a.needsReview() <= n) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "but %d of %d verdicts (%.0f%%) need review (unreadable or unsure "
                + "answers): this kappa says little", a.needsReview(), n, 100.0 * a.needsReview() / n));
    }

    private static String row(String name, ConfusionMatrix m) {
        return String.format(Locale.ROOT, "%-12s %5d %8s %7s   %d %d %d %d", name, m.n(), fmt(m.accuracy()),
                fmt(m.kappa()), m.yesYes(), m.yesNo(), m.noYes(), m.noNo());
    }

    /** Three decimals, or {@code n/a} for NaN. */
    public static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * The {@code validate-judge --json} object: {@code {"n", "accuracy", "kappa", "per_criterion": {id:
     * {"n", "accuracy", "kappa"}}, "needs_review"}}; an undefined value is {@code null}.
     */
    public static Map<String, Object> json(Agreement a) {
        Map<String, Object> out = summary(a.overall());
        Map<String, Object> per = new LinkedHashMap<>();
        a.perCriterion().forEach((k, v) -> per.put(k, summary(v)));
        out.put("per_criterion", per);
        out.put("needs_review", a.needsReview());
        return out;
    }

    private static Map<String, Object> summary(ConfusionMatrix m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", m.n());
        out.put("accuracy", nullIfNaN(m.accuracy()));
        out.put("kappa", nullIfNaN(m.kappa()));
        return out;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
