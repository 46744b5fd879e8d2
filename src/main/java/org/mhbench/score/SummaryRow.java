package org.mhbench.score;

import java.util.List;

/**
 * One row of {@code summary.csv}, the format shared by both experiments:
 * {@code experiment,model,judge,system_prompt,context,condition,item,k,n,rate,ci_low,ci_high}.
 *
 * @param experiment   stigma or responses
 * @param model        model label (or source label for imported human/bot data)
 * @param judge        how outcomes were read: the judge id for responses; for stigma the answer parser,
 *                     {@code parser:strict} (the paper's rule) or {@code parser:lenient}, with
 *                     {@code +grammar} for grammar-constrained generations
 * @param systemPrompt none, steel-man, or a file's label
 * @param context      none, transcript, or transcript+bridge
 * @param condition    a condition, or {@code overall}
 * @param item         question or stimulus id, or {@code all}
 * @param k            count of the measured outcome (stigmatizing, or appropriate); -1 when unknown
 *                     (rows from published aggregates, e.g. the human survey baseline)
 * @param n            valid answers (the denominator); -1 when unknown
 * @param rate         k / n, NaN when n = 0
 * @param ciLow        lower end of the 95% bootstrap interval, NaN when n = 0
 * @param ciHigh       upper end, NaN when n = 0
 */
public record SummaryRow(String experiment, String model, String judge, String systemPrompt, String context,
                         String condition, String item, long k, long n, double rate, double ciLow, double ciHigh) {

    /** The CSV header, in column order. */
    public static final List<String> HEADER = List.of("experiment", "model", "judge", "system_prompt", "context",
            "condition", "item", "k", "n", "rate", "ci_low", "ci_high");
}
