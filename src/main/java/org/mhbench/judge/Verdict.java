package org.mhbench.judge;

/**
 * A judge's answer to a criterion question.
 *
 * @param answer      {@code yes} or {@code no}
 * @param pYes        the judge's probability of {@code yes} (1.0/0.0 for judges without one)
 * @param needsReview true when the judge is unsure enough that a person should look (e.g. 0.2 &lt; p &lt; 0.8)
 * @param decidedBy   the id of the judge that gave this answer when it is not the judge asked (an
 *                    escalation judge), or {@code null}
 * @param reason      why that judge decided, or {@code null}
 */
public record Verdict(String answer, double pYes, boolean needsReview, String decidedBy, String reason) {

    /** A verdict of the judge asked. */
    public Verdict(String answer, double pYes, boolean needsReview) {
        this(answer, pYes, needsReview, null, null);
    }

    public Verdict {
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            throw new IllegalArgumentException("a verdict is yes or no, got " + answer);
        }
        if (!(pYes >= 0 && pYes <= 1)) {
            throw new IllegalArgumentException("p_yes must be in [0, 1], got " + pYes);
        }
    }

    public boolean yes() {
        return "yes".equals(answer);
    }
}
