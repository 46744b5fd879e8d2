package org.mhbench.score;

/**
 * Two groups of outcomes waiting to be tested against each other, and the Bonferroni family their
 * test belongs to. The fields other than {@code family}, {@code a} and {@code b} become the
 * {@link TestRow}'s columns of the same name.
 *
 * @param family the Bonferroni family (tests corrected together)
 * @param a      outcomes of {@code groupA}
 * @param b      outcomes of {@code groupB}
 */
public record Comparison(String family, String comparison, String model, String systemPrompt, String context,
                         String judge, String condition, String groupA, String groupB, double[] a, double[] b) {
}
