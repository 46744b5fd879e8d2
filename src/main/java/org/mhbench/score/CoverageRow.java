package org.mhbench.score;

import java.util.List;

/**
 * One row of {@code coverage.csv}: how many of a model's items in one setting produced a usable
 * answer. Columns: {@code experiment,model,judge,system_prompt,context,total,failed,parsed,abstained,
 * valid,scored_total,scored_valid}.
 *
 * @param experiment   experiment id
 * @param model        model label
 * @param judge        how answers were read (e.g. {@code parser:strict}), as in {@code summary.csv}
 * @param systemPrompt system-prompt label
 * @param context      context setting
 * @param total        records
 * @param failed       records with no output (generation failed, or missing in an imported source)
 * @param parsed       outputs from which an answer was read (including "do not know")
 * @param abstained    parsed answers that abstain ("do not know")
 * @param valid        parsed answers that are not abstentions
 * @param scoredTotal  records of the items that enter the score (stigma: the scored questions)
 * @param scoredValid  valid answers among those: the score's total denominator
 */
public record CoverageRow(String experiment, String model, String judge, String systemPrompt, String context,
                          long total, long failed, long parsed, long abstained, long valid, long scoredTotal,
                          long scoredValid) {

    /** The CSV header, in column order. */
    public static final List<String> HEADER = List.of("experiment", "model", "judge", "system_prompt", "context",
            "total", "failed", "parsed", "abstained", "valid", "scored_total", "scored_valid");
}
