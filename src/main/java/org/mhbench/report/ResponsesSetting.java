package org.mhbench.report;

import org.mhbench.score.SummaryRow;

/**
 * A (judge, system prompt, context) setting of the responses experiment: one chart and table in the
 * Markdown and HTML reports.
 */
public record ResponsesSetting(String judge, String systemPrompt, String context) {

    public static ResponsesSetting of(SummaryRow r) {
        return new ResponsesSetting(r.judge(), r.systemPrompt(), r.context());
    }

    /** Each value named, {@code judge: gpt-4o · system prompt: none · context: transcript}. */
    public String title() {
        return Groups.setting("judge", judge, "system prompt", systemPrompt, "context", context);
    }

    /** The chart file's name stem. */
    public String fileName() {
        return judge + "-" + systemPrompt + "-" + context;
    }
}
