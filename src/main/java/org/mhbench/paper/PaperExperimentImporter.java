package org.mhbench.paper;

import java.nio.file.Path;

/**
 * Imports one experiment's result files from the paper's release. {@link PaperImporter} calls the
 * importer registered for each folder under {@code PAPER_DIR/results}; adding an experiment to
 * {@code mhbench import-paper} means writing one of these.
 */
public interface PaperExperimentImporter {

    /** Our experiment id, e.g. {@code stigma}. */
    String experiment();

    /** The folder under {@code PAPER_DIR/results} it reads, e.g. {@code stigma}. */
    String resultsFolder();

    /**
     * Reads the folder into records. Deterministic: files are chosen and read in a fixed order.
     *
     * @param paperDir the paper's repository folder
     * @throws PaperFormatException when a file cannot be understood
     */
    ImportedExperiment read(Path paperDir);
}
