package org.mhbench.score.stigma;

/**
 * The labels that separate one set of stigma rates from another.
 *
 * @param model        model label
 * @param systemPrompt system-prompt label
 * @param judge        how answers were read ({@code parser:strict}, …)
 * @param context      context label ({@code none} for stigma)
 */
public record GroupKey(String model, String systemPrompt, String judge, String context) {

    static GroupKey of(CodedAnswer a) {
        return new GroupKey(a.model(), a.systemPrompt(), a.judge(), a.context());
    }
}
