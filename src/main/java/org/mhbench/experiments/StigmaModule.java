package org.mhbench.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mhbench.paper.PaperExperimentImporter;
import org.mhbench.paper.StigmaPaperImporter;
import org.mhbench.report.ExperimentReport;
import org.mhbench.runfolder.Judgment;
import org.mhbench.score.ExperimentScorer;
import org.mhbench.score.stigma.StigmaScoreOptions;
import org.mhbench.score.stigma.StigmaScorer;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaStimuli;

/** Experiment 1: vignettes × multiple-choice questions, a stigma rate per model and condition. */
public final class StigmaModule implements ExperimentModule {

    @Override
    public String id() {
        return StigmaExperiment.ID;
    }

    @Override
    public String stimuliFolder() {
        return StigmaStimuli.FOLDER;
    }

    /** The stigma stimuli under {@code stimuliRoot}. */
    public StigmaStimuli stimuli(Path stimuliRoot) {
        return StigmaStimuli.load(Experiments.folder(stimuliRoot, stimuliFolder()));
    }

    @Override
    public Map<String, String> stimulusHashes(Path stimuliRoot) {
        return stimuli(stimuliRoot).fileHashes();
    }

    @Override
    public ExperimentScorer scorer(Path stimuliRoot, ScoreSettings s, List<Judgment> judgments) {
        return new StigmaScorer(stimuli(stimuliRoot), new StigmaScoreOptions(s.parsers(), s.bootstrap(), s.seed(),
                s.alpha() != null ? s.alpha() : StigmaScoreOptions.DEFAULT_ALPHA, s.humanBaseline()));
    }

    @Override
    public PaperExperimentImporter paperImporter(Path stimuliRoot) {
        return new StigmaPaperImporter(stimuli(stimuliRoot));
    }

    @Override
    public ExperimentReport report() {
        return ExperimentReport.STIGMA;
    }
}
