package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.report.CostSection;
import org.mhbench.report.TextTable;
import org.mhbench.report.UsageCsv;

/** Cost and speed per model and experiment, from each run's {@code usage.csv}. */
final class CostHtml {

    private CostHtml() {
    }

    static Section render(Runs runs) {
        List<Map<String, String>> usage = new ArrayList<>();
        for (RunData r : runs.all()) {
            for (Map<String, String> u : r.tables().usage()) {
                Map<String, String> labelled = new LinkedHashMap<>(u);
                labelled.put("model", runs.label(r, u.getOrDefault("model", "")));
                usage.add(labelled);
            }
        }
        TextTable t = CostSection.usageTable(usage);
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
                + "after the first token (tg). Imported records add items but no tokens.</p>\n"
                + Table.of("Tokens and time per model and experiment (usage.csv)", t).render());
    }
}
