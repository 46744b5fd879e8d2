package org.mhbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhbench.score.CsvFiles;

/** What generating the run cost, from {@code usage.csv}: items, tokens, and llama.cpp's speeds. */
final class CostSection {

    private CostSection() {
    }

    static String render(List<Map<String, String>> usage) {
        if (usage.isEmpty()) {
            return "";
        }
        MarkdownTable table = new MarkdownTable(List.of("model", "experiment", "items", "failed", "prompt tokens",
                "generated tokens", "prompt s", "generation s", "prompt tok/s", "generation tok/s"));
        for (Map<String, String> u : usage) {
            table.row(List.of(u.getOrDefault("model", ""), u.getOrDefault("experiment", ""), cell(u, "items"),
                    cell(u, "failed"), cell(u, "prompt_tokens"), cell(u, "completion_tokens"),
                    seconds(u, "prompt_seconds"), seconds(u, "generation_seconds"),
                    decimal(u, "pp_tokens_per_second"), decimal(u, "tg_tokens_per_second")));
        }
        return "## Cost\n\nTokens and time per model and experiment (`" + UsageCsv.FILE + "`; speeds use "
                + "llama-bench's pp/tg meaning: prompt processing, and generation after the first token). Imported "
                + "records add items but no tokens.\n\n" + table.render() + '\n';
    }

    private static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? Fmt.NONE : v;
    }

    private static String seconds(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) {
            return Fmt.NONE;
        }
        try {
            double s = CsvFiles.parseDouble(v);
            return Double.isFinite(s) ? String.format(Locale.ROOT, "%.2f", s) : Fmt.NONE;
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String decimal(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) {
            return Fmt.NONE;
        }
        try {
            return Fmt.oneDecimal(CsvFiles.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
