package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.Manifest;

/**
 * What differs between the runs of one report in a way that makes their numbers less comparable: the
 * judges they used, and the stimuli (stimulus files and system prompts, by SHA-256) of each experiment.
 */
final class RunsComparison {

    private RunsComparison() {
    }

    /** Notes (HTML fragments) for the top of the page; none for a single run. */
    static List<String> notes(Runs runs, List<String> experimentIds) {
        List<String> out = new ArrayList<>();
        if (!runs.several()) {
            return out;
        }
        Map<String, String> judges = new LinkedHashMap<>();
        for (RunData r : runs.all()) {
            r.tables().manifest().ifPresent(m -> {
                if (!m.judges().isEmpty()) {
                    judges.put(r.name(), String.join(", ", m.judges().stream().map(RunsComparison::judge).toList()));
                }
            });
        }
        if (judges.values().stream().distinct().count() > 1) {
            out.add("The runs used <strong>different judges</strong>, so their % appropriate are not directly "
                    + "comparable: " + list(judges) + ".");
        }
        for (String experiment : experimentIds) {
            Map<String, String> stimuli = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (RunData r : runs.all()) {
                if (r.records().stream().noneMatch(x -> x.experiment().equals(experiment))
                        && r.tables().summary(experiment).isEmpty()) {
                    continue;
                }
                String hashes = r.tables().manifest().map(m -> stimuli(m, experiment)).orElse(null);
                if (hashes == null) {
                    unknown.add(r.name());
                } else {
                    stimuli.put(r.name(), hashes);
                }
            }
            if (stimuli.values().stream().distinct().count() > 1) {
                out.add("The runs’ " + experiment + " experiments used <strong>different stimuli</strong> (their "
                        + "stimulus files differ by SHA-256): " + list(stimuli) + ".");
            }
            Map<String, Map<String, String>> promptTexts = new LinkedHashMap<>();
            for (RunData r : runs.all()) {
                r.tables().manifest().ifPresent(m -> prompts(m, experiment).forEach((label, sha) -> promptTexts
                        .computeIfAbsent(label, k -> new LinkedHashMap<>()).put(r.name(), short8(sha))));
            }
            promptTexts.forEach((label, byRun) -> {
                if (byRun.values().stream().distinct().count() > 1) {
                    out.add("The system prompt <code>" + Html.text(label) + "</code> of the " + experiment
                            + " experiment has <strong>different texts</strong> in different runs (SHA-256): "
                            + list(byRun) + ".");
                }
            });
            if (!unknown.isEmpty() && stimuli.size() + unknown.size() > 1) {
                out.add("The stimuli of the " + experiment + " experiment are not recorded for " + Html.text(String.join(
                        ", ", unknown)) + " (imported data), so whether they match the other runs’ cannot be checked.");
            }
        }
        return out;
    }

    private static String judge(JudgeInfo j) {
        return j.id() + (j.version() == null ? "" : " " + j.version())
                + (j.trainingDataSha256() == null ? "" : " (" + short8(j.trainingDataSha256()) + ")");
    }

    /** A fingerprint of an experiment's stimuli, or {@code null} when the manifest does not record them. */
    private static String stimuli(Manifest m, String experiment) {
        Map<String, String> files = m.parameters().experiments() == null ? null
                : Optional.ofNullable(m.parameters().experiments().get(experiment))
                .map(ExperimentParameters::stimulusFilesSha256).orElse(null);
        if (files == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        files.forEach((f, h) -> parts.add(f + " " + short8(h)));
        return String.join(", ", parts);
    }

    /** System-prompt label → SHA-256 of its text, as the manifest records them for an experiment. */
    private static Map<String, String> prompts(Manifest m, String experiment) {
        Map<String, String> out = new LinkedHashMap<>();
        ExperimentParameters p = m.parameters().experiments() == null ? null
                : m.parameters().experiments().get(experiment);
        if (p != null && p.systemPrompts() != null) {
            for (ExperimentParameters.SystemPrompt sp : p.systemPrompts()) {
                if (sp.sha256() != null) {
                    out.put(sp.label(), sp.sha256());
                }
            }
        }
        return out;
    }

    private static String short8(String hash) {
        return hash.length() > 8 ? hash.substring(0, 8) : hash;
    }

    private static String list(Map<String, String> byRun) {
        List<String> parts = new ArrayList<>();
        byRun.forEach((run, v) -> parts.add(Html.text(run) + ": <code>" + Html.text(Objects.toString(v)) + "</code>"));
        return String.join("; ", parts);
    }
}
