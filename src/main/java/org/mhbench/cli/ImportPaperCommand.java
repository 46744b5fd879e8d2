package org.mhbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhbench.paper.PaperExperimentImporter;
import org.mhbench.paper.PaperImporter;
import org.mhbench.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench import-paper --from PAPER_DIR --out RUN_DIR}: turns the paper's released results
 * into a run folder that {@code mhbench score} reads like any other.
 */
@Command(name = "import-paper", mixinStandardHelpOptions = true,
        description = {"Import the released results of Moore et al. (FAccT 2025) into a new run folder.",
                "Then 'mhbench score RUN_DIR' reproduces the paper's numbers (strict parser).",
                "Supported: the stigma results and the appropriate-responses results (results/interjections, with "
                        + "the paper's gpt-4o labels as judge gpt-4o and hand-collected labels as judge human). Other "
                        + "result folders are skipped and counted."})
public final class ImportPaperCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "PAPER_DIR",
            description = "The paper repository's folder (holding data/ and results/).")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "New run folder to create (must not exist, or be empty).")
    Path out;

    @Option(names = "--stimuli", paramLabel = "DIR", description = "Stimulus folder holding stigma/ and responses/ "
            + "(default: the stimuli/ folder of this checkout); the paper's vignettes, questions and stimuli are "
            + "mapped onto its ids.")
    Path stimuliDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PaperImporter importer = new PaperImporter(importers(stimuliDir));
        PaperImporter.Result result = importer.run(from, out, spec.commandLine().getParseResult().originalArgs());
        for (String note : result.notes()) {
            err.println(note);
        }
        err.printf("imported %s (%d with no output in the source) of %s into %s%n", Plural.of(result.records(), "record"),
                result.failures(), String.join("+", result.experiments()), result.runDir());
        Path baseline = from.resolve("external_data").resolve("human_data_2018.csv");
        err.printf("score it with: mhbench score %s%s%n", result.runDir(),
                java.nio.file.Files.isRegularFile(baseline) ? " --human-baseline " + baseline : "");
        err.flush();
        return ExitCodes.OK;
    }

    /** Each registered experiment's importer of the paper's results. */
    static List<PaperExperimentImporter> importers(Path stimuliDir) {
        Path root = org.mhbench.experiments.Experiments.root(stimuliDir);
        return org.mhbench.experiments.Experiments.ALL.stream().map(m -> m.paperImporter(root)).toList();
    }
}
