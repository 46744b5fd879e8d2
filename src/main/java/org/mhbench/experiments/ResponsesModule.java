package org.mhbench.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mhbench.paper.InterjectionsPaperImporter;
import org.mhbench.paper.PaperExperimentImporter;
import org.mhbench.report.ExperimentReport;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.Judgment;
import org.mhbench.score.ExperimentScorer;
import org.mhbench.score.responses.ResponsesScoreOptions;
import org.mhbench.score.responses.ResponsesScorer;

/**
 * Experiment 2, appropriate responses (the paper's "interjections"): client messages with a yes/no
 * criterion, % appropriate per model and condition, judged by a judge.
 */
public final class ResponsesModule implements ExperimentModule {

    @Override
    public String id() {
        return ResponsesExperiment.ID;
    }

    @Override
    public String stimuliFolder() {
        return ResponsesStimuli.FOLDER;
    }

    /** The responses stimuli under {@code stimuliRoot}. */
    public ResponsesStimuli stimuli(Path stimuliRoot) {
        return ResponsesStimuli.load(Experiments.folder(stimuliRoot, stimuliFolder()));
    }

    @Override
    public Map<String, String> stimulusHashes(Path stimuliRoot) {
        return stimuli(stimuliRoot).fileHashes();
    }

    @Override
    public ExperimentScorer scorer(Path stimuliRoot, ScoreSettings s, List<Judgment> judgments) {
        return new ResponsesScorer(stimuli(stimuliRoot), judgments, new ResponsesScoreOptions(s.bootstrap(), s.seed(),
                s.alpha() != null ? s.alpha() : ResponsesScoreOptions.DEFAULT_ALPHA));
    }

    @Override
    public PaperExperimentImporter paperImporter(Path stimuliRoot) {
        return new InterjectionsPaperImporter(stimuli(stimuliRoot));
    }

    @Override
    public ExperimentReport report() {
        return ExperimentReport.RESPONSES;
    }
}
