package org.mhbench.score;

import java.util.List;
import org.mhbench.runfolder.ResponseRecord;

/**
 * Scores one experiment's records. {@link Scorer} hands each scorer only the records whose
 * {@link ResponseRecord#experiment()} equals {@link #experiment()}; adding an experiment to
 * {@code mhbench score} means writing one of these.
 */
public interface ExperimentScorer {

    /** The experiment id this scorer handles, e.g. {@code stigma}. */
    String experiment();

    /**
     * Summary rows, coverage rows, tests and notes for the given records (all of this experiment).
     * Must be deterministic: the same records and options give the same report.
     */
    ScoreResult score(List<ResponseRecord> records);
}
