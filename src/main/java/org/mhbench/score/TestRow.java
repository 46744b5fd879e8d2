package org.mhbench.score;

import java.util.List;

/**
 * One row of {@code tests.csv}: a two-sided test between two groups of binary outcomes, with its
 * Bonferroni-corrected p-value. The column that varies between the groups ({@code model},
 * {@code system_prompt} or {@code condition}, per {@code comparison}) is empty; the groups are named
 * in {@code group_a} and {@code group_b}.
 *
 * @param experiment   experiment id
 * @param test         the test, e.g. {@code welch_t}
 * @param comparison   what differs between the groups: {@code models}, {@code conditions} or
 *                     {@code system_prompts}
 * @param model        the model, or empty when models are compared
 * @param systemPrompt the system prompt, or empty when system prompts are compared
 * @param context      where the stimulus was placed ({@code none}, or a transcript placement such as
 *                     {@code transcript}); both groups share it
 * @param judge        how answers were read
 * @param condition    the condition, or empty when conditions are compared
 * @param item         the item tested (e.g. {@code all})
 * @param groupA       first group
 * @param groupB       second group
 * @param nA           valid observations in A
 * @param nB           valid observations in B
 * @param rateA        mean of A (NaN when empty)
 * @param rateB        mean of B
 * @param statistic    test statistic (t or z)
 * @param df           degrees of freedom, NaN where not applicable
 * @param p            two-sided p-value, NaN when undefined (see note)
 * @param familySize   number of defined tests in the Bonferroni family
 * @param pAdjusted    min(1, p · familySize)
 * @param alpha        significance threshold applied to {@code pAdjusted}
 * @param significant  pAdjusted &lt; alpha
 * @param note         why a test is undefined or degenerate, or empty
 */
public record TestRow(String experiment, String test, String comparison, String model, String systemPrompt,
                      String context, String judge, String condition, String item, String groupA, String groupB,
                      long nA, long nB, double rateA, double rateB, double statistic, double df, double p,
                      int familySize, double pAdjusted, double alpha, boolean significant, String note) {

    /** The CSV header, in column order. */
    public static final List<String> HEADER = List.of("experiment", "test", "comparison", "model", "system_prompt",
            "context", "judge", "condition", "item", "group_a", "group_b", "n_a", "n_b", "rate_a", "rate_b",
            "statistic", "df", "p", "family_size", "p_bonferroni", "alpha", "significant", "note");
}
