package org.mhbench.judge.eval;

/**
 * Counts of a yes/no judge against reference labels ("yes" is the positive class).
 *
 * @param yesYes reference yes, judge yes
 * @param yesNo  reference yes, judge no
 * @param noYes  reference no, judge yes
 * @param noNo   reference no, judge no
 */
public record ConfusionMatrix(int yesYes, int yesNo, int noYes, int noNo) {

    public static final ConfusionMatrix EMPTY = new ConfusionMatrix(0, 0, 0, 0);

    public ConfusionMatrix {
        if (yesYes < 0 || yesNo < 0 || noYes < 0 || noNo < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** This matrix with one more pair added. */
    public ConfusionMatrix add(boolean referenceYes, boolean judgeYes) {
        if (referenceYes) {
            return judgeYes ? new ConfusionMatrix(yesYes + 1, yesNo, noYes, noNo)
                    : new ConfusionMatrix(yesYes, yesNo + 1, noYes, noNo);
        }
        return judgeYes ? new ConfusionMatrix(yesYes, yesNo, noYes + 1, noNo)
                : new ConfusionMatrix(yesYes, yesNo, noYes, noNo + 1);
    }

    public ConfusionMatrix plus(ConfusionMatrix o) {
        return new ConfusionMatrix(yesYes + o.yesYes, yesNo + o.yesNo, noYes + o.noYes, noNo + o.noNo);
    }

    public int n() {
        return yesYes + yesNo + noYes + noNo;
    }

    /** Share of pairs that agree; NaN when empty. */
    public double accuracy() {
        return n() == 0 ? Double.NaN : (double) (yesYes + noNo) / n();
    }

    /**
     * Cohen's κ = (p_o − p_e) / (1 − p_e), with p_e from the two raters' marginal shares of yes and no.
     * NaN when it is undefined: no pairs, or p_e = 1 (both raters gave one and the same answer to
     * every item, so agreement beyond chance cannot be measured).
     */
    public double kappa() {
        int n = n();
        if (n == 0) {
            return Double.NaN;
        }
        double po = (double) (yesYes + noNo) / n;
        double refYes = (double) (yesYes + yesNo) / n;
        double judgeYes = (double) (yesYes + noYes) / n;
        double pe = refYes * judgeYes + (1 - refYes) * (1 - judgeYes);
        if (pe >= 1) {
            return Double.NaN;
        }
        return (po - pe) / (1 - pe);
    }
}
