package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhbench.report.Fmt;
import org.mhbench.report.UsageCsv;
import org.mhbench.score.CsvFiles;

/** Cost and speed per model and experiment, from each run's {@code usage.csv}. */
final class CostHtml {

    private CostHtml() {
    }

    static Section render(Runs runs) {
        List<String> header = new ArrayList<>(List.of("model", "experiment", "items", "failed", "prompt tokens",
                "generated tokens", "prompt s", "generation s", "prompt tok/s", "generation tok/s"));
        Table t = new Table("Tokens and time per model and experiment (usage.csv)", header);
        for (RunData r : runs.all()) {
            for (Map<String, String> u : r.tables().usage()) {
                t.row(List.of(runs.label(r, u.getOrDefault("model", "")), u.getOrDefault("experiment", ""),
                        cell(u, "items"), cell(u, "failed"), cell(u, "prompt_tokens"), cell(u, "completion_tokens"),
                        number(u, "prompt_seconds", "%.2f"), number(u, "generation_seconds", "%.2f"),
                        number(u, "pp_tokens_per_second", "%.1f"), number(u, "tg_tokens_per_second", "%.1f")));
            }
        }
        Map<String, org.mhbench.runfolder.CostSummary> costs = new java.util.LinkedHashMap<>();
        for (RunData r : runs.all()) {
            String name = r.tables().runDir().getFileName().toString();
            costs.put(costs.containsKey(name) ? r.tables().runDir().toString() : name,
                    r.tables().manifest().map(org.mhbench.runfolder.Manifest::cost).orElse(null));
        }
        org.mhbench.report.TextTable whole = org.mhbench.report.CostSection.runCost(costs);
        String wholeHtml = whole.isEmpty() ? "" : "<p>" + Html.text(org.mhbench.report.CostSection.RUN_COST_NOTE)
                + "</p>\n" + Table.of("What each run cost", whole).render();
        if (t.isEmpty()) {
            return new Section("cost", "Cost and speed", wholeHtml);
        }
        return new Section("cost", "Cost and speed", wholeHtml + "<p>Tokens and time per model and experiment (<code>"
                + UsageCsv.FILE + "</code>). Speeds use llama-bench’s meaning: prompt processing (pp), and generation "
                + "after the first token (tg). Imported records add items but no tokens.</p>\n" + t.render());
    }

    private static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? Fmt.NONE : v;
    }

    private static String number(Map<String, String> row, String column, String format) {
        String v = row.get(column);
        if (v == null) {
            return Fmt.NONE;
        }
        try {
            double d = CsvFiles.parseDouble(v);
            return Double.isFinite(d) ? String.format(Locale.ROOT, format, d) : Fmt.NONE;
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
