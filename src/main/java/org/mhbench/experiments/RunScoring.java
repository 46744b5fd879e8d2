package org.mhbench.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ExperimentScorer;
import org.mhbench.score.ScoreResult;
import org.mhbench.score.Scorer;

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
        Map<String, String> recorded = dir.readManifest().flatMap(m -> m.parameters().experiment(experiment))
                .map(ExperimentParameters::stimulusFilesSha256).orElse(Map.of());
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            String was = recorded.get(e.getKey());
            if (was != null && !was.equals(e.getValue())) {
                notes.accept("note: " + e.getKey() + " differs from the file the run used (manifest.json); "
                        + "scores use the current stimuli in " + stimuliRoot);
            }
        }
    }
}
