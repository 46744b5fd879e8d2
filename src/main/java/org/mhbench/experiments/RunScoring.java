package org.mhbench.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ExperimentScorer;
import org.mhbench.score.ScoreResult;
import org.mhbench.score.Scorer;
import org.mhbench.util.Json;

/**
 * The score stage: every registered experiment's scorer over a run folder's records and verdicts,
 * writing {@code summary.csv}, {@code coverage.csv}, {@code tests.csv} (and the CSVs that apply).
 * Used by {@code mhbench score} and at the end of {@code mhbench run}.
 */
public final class RunScoring {

    private RunScoring() {
    }

    /**
     * Scores {@code dir} with the stimuli under {@code stimuliRoot} (the checkout's when {@code null}).
     *
     * @param notes where a note goes (e.g. stimuli that changed since the run)
     */
    public static ScoreResult score(RunDirectory dir, Path stimuliRoot, ScoreSettings settings, Consumer<String> notes)
            throws IOException {
        Path root = Experiments.root(stimuliRoot);
        List<Judgment> judgments = RunDirectory.readJudgments(dir.root());
        List<ExperimentScorer> scorers = new ArrayList<>();
        for (ExperimentModule m : Experiments.ALL) {
            noteChangedStimuli(dir, m.id(), m.stimulusHashes(root), root, notes);
            scorers.add(m.scorer(root, settings, judgments));
        }
        return new Scorer(scorers).scoreRun(dir);
    }

    /** Notes stimulus files that differ from the hashes the manifest recorded for the run. */
    private static void noteChangedStimuli(RunDirectory dir, String experiment, Map<String, String> hashes,
                                           Path stimuliRoot, Consumer<String> notes) throws IOException {
        JsonNode params = Json.LENIENT.readTree(dir.manifestFile().toFile()).path("parameters");
        for (JsonNode recorded : List.of(params.path("experiments").path(experiment).path("stimulus_files_sha256"),
                params.path("imported").path(experiment).path("stimulus_files_sha256"))) {
            if (!recorded.isObject()) {
                continue;
            }
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                JsonNode was = recorded.get(e.getKey());
                if (was != null && !was.asText().equals(e.getValue())) {
                    notes.accept("note: " + e.getKey() + " differs from the file the run used (manifest.json); "
                            + "scores use the current stimuli in " + stimuliRoot);
                }
            }
        }
    }
}
