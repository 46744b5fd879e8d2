package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mhbench.report.Palette;
import org.mhbench.report.RunTables;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.SummaryRow;

/**
 * The runs of one report, side by side. A model label that occurs in more than one run is shown as
 * {@code label · run}, so two runs of the same model (steel-man on in one, off in the other; two
 * quantizations under one label) stay apart; every other label stays as it is. Survey baselines
 * (rows without counts) that several runs share are shown once.
 */
final class Runs {

    /** Separates a model label from its run's name where a label occurs in several runs. */
    static final String SEPARATOR = " · ";

    private final List<RunData> runs;
    private final Map<String, Set<String>> runsOfModel = new HashMap<>();
    private final Map<String, String> originalOf = new HashMap<>();
    private final List<String> models = new ArrayList<>();

    Runs(List<RunData> runs) {
        this.runs = List.copyOf(runs);
        for (RunData r : runs) {
            for (String m : measuredModels(r.tables())) {
                runsOfModel.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(r.name());
            }
        }
        for (RunData r : runs) {
            for (String m : measuredModels(r.tables())) {
                String label = label(r, m);
                if (!models.contains(label)) {
                    models.add(label);
                }
                originalOf.put(label, m);
            }
        }
    }

    /** The manifest's models, then those of the summary rows with counts (not survey baselines). */
    private static List<String> measuredModels(RunTables t) {
        List<String> out = new ArrayList<>();
        t.manifest().ifPresent(m -> m.models().forEach(i -> add(out, i.label())));
        t.summary().stream().filter(s -> s.n() >= 0).forEach(s -> add(out, s.model()));
        t.coverage().forEach(c -> add(out, c.model()));
        return out;
    }

    private static void add(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    List<RunData> all() {
        return runs;
    }

    boolean several() {
        return runs.size() > 1;
    }

    /** The label {@code model} of {@code run} has in this report. */
    String label(RunData run, String model) {
        Set<String> in = runsOfModel.get(model);
        return in != null && in.size() > 1 ? model + SEPARATOR + run.name() : model;
    }

    /** The model label as its run folder has it, for a label of this report. */
    String original(String label) {
        return originalOf.getOrDefault(label, label);
    }

    /** Every model of the report (report labels), in order: run by run, as each manifest lists them. */
    List<String> models() {
        return List.copyOf(models);
    }

    /** The colour of a model (report label), the same in every chart. */
    String color(String label) {
        int i = models.indexOf(label);
        return Palette.hex(Palette.model(i < 0 ? models.size() : i));
    }

    /** Summary rows of one experiment from every run, with report labels; shared baseline rows once. */
    List<SummaryRow> summary(String experiment) {
        return relabel(t -> t.summary(experiment));
    }

    /** {@code by_message.csv} rows of every run, with report labels. */
    List<SummaryRow> byMessage() {
        return relabel(RunTables::byMessage);
    }

    /** {@code attribution.csv} rows of every run, with report labels; shared baseline rows once. */
    List<SummaryRow> attribution() {
        return relabel(RunTables::attribution);
    }

    /** {@code coverage.csv} rows of every run, with report labels. */
    List<CoverageRow> coverage() {
        List<CoverageRow> out = new ArrayList<>();
        for (RunData r : runs) {
            for (CoverageRow c : r.tables().coverage()) {
                out.add(new CoverageRow(c.experiment(), label(r, c.model()), c.judge(), c.systemPrompt(), c.context(),
                        c.total(), c.failed(), c.parsed(), c.abstained(), c.valid(), c.scoredTotal(), c.scoredValid()));
            }
        }
        return out;
    }

    private List<SummaryRow> relabel(Function<RunTables, List<SummaryRow>> rows) {
        List<SummaryRow> out = new ArrayList<>();
        Map<List<String>, Boolean> baselines = new LinkedHashMap<>();
        for (RunData r : runs) {
            for (SummaryRow s : rows.apply(r.tables())) {
                if (s.n() < 0) {
                    List<String> key = List.of(s.experiment(), s.model(), s.judge(), s.systemPrompt(), s.context(),
                            s.condition(), s.item());
                    if (baselines.putIfAbsent(key, true) == null) {
                        out.add(s);
                    }
                    continue;
                }
                out.add(new SummaryRow(s.experiment(), label(r, s.model()), s.judge(), s.systemPrompt(), s.context(),
                        s.condition(), s.item(), s.k(), s.n(), s.rate(), s.ciLow(), s.ciHigh()));
            }
        }
        return out;
    }
}
