package org.mhbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhbench.score.CsvFiles;

/** What generating the run cost, from {@code usage.csv}: items, tokens, and llama.cpp's speeds. */
public final class CostSection {

    private CostSection() {
    }

    /**
     * What the whole run cost, from the manifest's {@code cost}: one row per run (label → cost, in order; a
     * null cost, as of an imported run or one older than the cost record, gives no row).
     */
    public static TextTable runCost(Map<String, org.mhbench.runfolder.CostSummary> runs) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, org.mhbench.runfolder.CostSummary> e : runs.entrySet()) {
            org.mhbench.runfolder.CostSummary c = e.getValue();
            if (c == null) {
                continue;
            }
            org.mhbench.runfolder.StageCost g = c.generation();
            org.mhbench.runfolder.StageCost j = c.judging();
            rows.add(List.of(e.getKey(), String.valueOf(c.items()), String.format(Locale.ROOT, "%.1f", c.wallSeconds()),
                    c.cpuSeconds() == null ? Fmt.NONE : String.format(Locale.ROOT, "%.1f", c.cpuSeconds()),
                    c.itemsPerSecond() == null ? Fmt.NONE : String.format(Locale.ROOT, "%.2f", c.itemsPerSecond()),
                    g == null || g.itemsPerSecond() == null ? Fmt.NONE
                            : String.format(Locale.ROOT, "%.2f", g.itemsPerSecond()),
                    j == null ? Fmt.NONE : j.items() + " in " + String.format(Locale.ROOT, "%.1f s", j.seconds())
                            + (j.itemsPerSecond() == null ? "" : String.format(Locale.ROOT, " (%.1f/s)",
                            j.itemsPerSecond())),
                    String.format(Locale.ROOT, "%.3f", c.energyWh()),
                    c.whPer1000Items() == null ? Fmt.NONE : String.format(Locale.ROOT, "%.3f", c.whPer1000Items()),
                    c.cpuEnergySource() + (c.gpuEnergySource() == null ? "" : "; GPU: " + c.gpuEnergySource())
                            + (c.tries() == null ? "" : "; " + c.tries() + " tries added")));
        }
        return new TextTable(List.of("run", "items", "wall s", "CPU s", "items/s", "generation items/s",
                "judging (verdicts)", "energy Wh", "Wh per 1,000 items", "energy from"), rows);
    }

    /** The sentence above the run-cost table. */
    public static final String RUN_COST_NOTE = "What the run cost as a whole (manifest.json 'cost'): wall and CPU "
            + "seconds of mhbench and every process it started, items per second for generation (wall time less "
            + "judging) and for the judge, and energy, measured (RAPL) or estimated as the last column says.";

    static String render(List<Map<String, String>> usage, org.mhbench.runfolder.CostSummary cost) {
        Map<String, org.mhbench.runfolder.CostSummary> one = new java.util.LinkedHashMap<>();
        one.put("this run", cost);
        TextTable run = runCost(one);
        String whole = run.isEmpty() ? "" : RUN_COST_NOTE + "\n\n" + run.markdown() + '\n';
        if (usage.isEmpty()) {
            return whole.isEmpty() ? "" : "## Cost\n\n" + whole;
        }
        TextTable table = usageTable(usage);
        return "## Cost\n\n" + whole + "Tokens and time per model and experiment (`" + UsageCsv.FILE + "`; speeds use "
                + "llama-bench's pp/tg meaning: prompt processing, and generation after the first token). Imported "
                + "records add items but no tokens.\n\n" + table.markdown() + '\n';
    }

    /** Tokens and time per model and experiment: the rows of {@code usage.csv} (both reports' table). */
    public static TextTable usageTable(List<Map<String, String>> usage) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Map<String, String> u : usage) {
            rows.add(List.of(u.getOrDefault("model", ""), u.getOrDefault("experiment", ""), cell(u, "items"),
                    cell(u, "failed"), cell(u, "prompt_tokens"), cell(u, "completion_tokens"),
                    seconds(u, "prompt_seconds"), seconds(u, "generation_seconds"),
                    decimal(u, "pp_tokens_per_second"), decimal(u, "tg_tokens_per_second")));
        }
        return new TextTable(List.of("model", "experiment", "items", "failed", "prompt tokens", "generated tokens",
                "prompt s", "generation s", "prompt tok/s", "generation tok/s"), rows);
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
