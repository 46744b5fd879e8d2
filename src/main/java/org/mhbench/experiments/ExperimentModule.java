package org.mhbench.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mhbench.paper.PaperExperimentImporter;
import org.mhbench.report.ExperimentReport;
import org.mhbench.runfolder.Judgment;
import org.mhbench.score.ExperimentScorer;

/**
 * One experiment as the pipeline knows it: its stimuli, how it is scored, its report sections, and how the
 * paper's released results for it are imported. Registered once in {@link Experiments}; the commands, the pipeline and
 * the importer find it there. (Its prompts come from its {@link org.mhbench.stimuli.Experiment}, built
 * from the stimuli with run settings.)
 */
public interface ExperimentModule {

    /** The experiment id, as in records and on the command line, e.g. {@code stigma}. */
    String id();

    /** Its folder under a stimuli root, e.g. {@code stigma}. */
    String stimuliFolder();

    /** Each stimulus file's SHA-256, by file name, as the manifest records them. */
    Map<String, String> stimulusHashes(Path stimuliRoot);

    /** The scorer of this experiment's records. */
    ExperimentScorer scorer(Path stimuliRoot, ScoreSettings settings, List<Judgment> judgments);

    /** The importer of the paper's released results for this experiment. */
    PaperExperimentImporter paperImporter(Path stimuliRoot);

    /** Its sections of the report (Markdown and HTML), which live in {@code report}. */
    ExperimentReport report();
}
