package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhbench.experiments.RunScoring;
import org.mhbench.experiments.ScoreSettings;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ScorePrinter;
import org.mhbench.score.ScoreResult;
import org.mhbench.score.SummaryCsv;
import org.mhbench.stats.Bootstrap;
import org.mhbench.stigma.LenientParser;
import org.mhbench.stimuli.AnswerParser;
import org.mhbench.stimuli.StrictParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench score RUN_DIR}: reads {@code responses.jsonl} and writes {@code summary.csv},
 * {@code coverage.csv} and {@code tests.csv} into the run folder, printing an overview. Can be
 * repeated with other options; the responses are never changed.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score a run folder: write summary.csv, coverage.csv and tests.csv and print an overview.",
                "Stigma: rate of stigmatizing answers per model, system prompt, condition and question, with "
                        + "seeded 95%% bootstrap intervals; Welch t-tests with Bonferroni correction.",
                "The strict parser is the paper's rule and reproduces its numbers; other parsers are labelled in "
                        + "the judge column (parser:strict, parser:lenient, +grammar for constrained decoding).",
                "Responses: share of appropriate replies per model, judge, system prompt, context, condition and "
                        + "stimulus, from judgments.jsonl (see 'mhbench judge'); judge J counts a missing reply as "
                        + "inappropriate (the paper's rule), J+answered leaves it out; two-proportion z-tests with "
                        + "Bonferroni correction.",
                "Tables go to stdout, notes to stderr. Notes that stay the same from one score of a run folder to "
                        + "the next (the human baseline's two readings, survey rows it skips) are printed the first "
                        + "time the folder is scored, or when --human-baseline is added or dropped; --verbose prints "
                        + "them every time."})
public final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run folder (from 'mhbench run' or "
            + "'mhbench import-paper').")
    Path runDir;

    @Option(names = "--parser", paramLabel = "PARSER", description = "strict (the paper's rule, default), "
            + "lenient, or both.")
    String parser = StrictParser.ID;

    @Option(names = "--human-baseline", paramLabel = "FILE", description = "GSS 2018 table "
            + "(the paper's external_data/human_data_2018.csv); adds the human rows under both readings. "
            + "Skipped when absent.")
    Path humanBaseline;

    @Option(names = "--stimuli", paramLabel = "DIR", description = "Stimulus folder the run used, holding "
            + "stigma/ (default: the stimuli/ folder of this checkout).")
    Path stimuliDir;

    @Option(names = "--bootstrap-resamples", paramLabel = "N", description = "Bootstrap resamples per interval "
            + "(default: ${DEFAULT-VALUE}).")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "SEED", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--alpha", paramLabel = "ALPHA", description = "Threshold for Bonferroni-corrected p-values "
            + "(default: as the paper's figures, 0.01 for stigma and 0.05 for responses).")
    Double alpha;

    @Spec
    CommandSpec spec;

    /** Print the report's details even when this run folder was scored the same way before. */
    boolean allDetails;

    @Override
    public Integer call() throws IOException {
        allDetails = Main.verbose(spec.commandLine().getParseResult());
        PrintWriter err = spec.commandLine().getErr();
        int status = score(runDir, spec.commandLine().getOut(), err);
        // A report written before must never disagree with the scores just written: refresh it.
        if (status == ExitCodes.OK && Files.isDirectory(runDir.resolve(org.mhbench.report.Report.FOLDER))) {
            try {
                ReportCommand.report(runDir, null, err);
            } catch (Exception | LinkageError e) {
                err.println("note: " + runDir.resolve(org.mhbench.report.Report.FOLDER) + " is now STALE (it could not "
                        + "be rewritten: " + ErrorHandler.messageOf(e) + "); rewrite it with 'mhbench report " + runDir
                        + "'");
                err.flush();
            }
        }
        return status;
    }

    /**
     * Scores {@code runDir} with this command's options (defaults when constructed directly) and
     * prints the overview to {@code out}, notes to {@code err}.
     *
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#FAILED} when the run has nothing to score
     * @throws UserError for a folder that is not a run, or bad options (records that do not fit the
     *                   stimuli: a {@link org.mhbench.util.BadInputException})
     */
    public int score(Path runDir, PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new UserError("no such run folder: " + runDir + " (give the folder 'mhbench run' or "
                    + "'mhbench import-paper' wrote)");
        }
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.MANIFEST))) {
            throw new UserError(runDir + " is not a run folder: it has no " + RunDirectory.MANIFEST);
        }
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.RESPONSES))) {
            throw new UserError(runDir + " has no " + RunDirectory.RESPONSES + " yet: nothing to score");
        }
        if (alpha != null && !(alpha > 0 && alpha < 1)) {
            throw new UserError("--alpha must be between 0 and 1, got " + alpha);
        }
        boolean details = allDetails || detailsNew(runDir);
        ScoreResult report = RunScoring.score(RunDirectory.open(runDir), stimuliDir, settings(), note -> {
            err.println(note);
            err.flush();
        });
        return present(runDir, report, details, out, err);
    }

    /**
     * Prints a scored run's overview (tables to {@code out}, notes to {@code err}).
     *
     * @param details also print the notes that stay the same from one score to the next
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#FAILED} when nothing was scored
     */
    static int present(Path runDir, ScoreResult report, boolean details, PrintWriter out, PrintWriter err) {
        ScorePrinter.print(report, out, err);
        if (details) {
            report.details().forEach(d -> err.println("note: " + d));
        }
        err.printf("wrote %s, %s and %s%s%n", runDir.resolve("summary.csv"), runDir.resolve("coverage.csv"),
                runDir.resolve("tests.csv"), report.byMessage().isEmpty() ? ""
                        : " (and " + runDir.resolve(org.mhbench.score.ByMessageCsv.FILE) + ")");
        err.flush();
        if (report.coverage().isEmpty()) {
            err.println("nothing was scored: the run holds no records of a scored experiment");
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** This command's scoring options. */
    ScoreSettings settings() {
        return new ScoreSettings(parsers(), bootstrap(), seed, alpha, humanBaseline);
    }

    /**
     * Whether the details of this score (notes on the human baseline) would be news for this run
     * folder: it was never scored, or its last score was with the baseline and this one is without it,
     * or the other way round. A summary that cannot be read counts as never scored.
     */
    private boolean detailsNew(Path runDir) {
        Path previous = runDir.resolve(SummaryCsv.FILE);
        if (!Files.isRegularFile(previous)) {
            return true;
        }
        try {
            boolean hadBaseline = SummaryCsv.read(previous).stream().anyMatch(r -> r.n() < 0);
            return hadBaseline != (humanBaseline != null);
        } catch (IOException e) {
            return true;
        }
    }

    private List<AnswerParser> parsers() {
        return switch (parser) {
            case StrictParser.ID -> List.of(new StrictParser());
            case LenientParser.ID -> List.of(new LenientParser());
            case "both" -> List.of(new StrictParser(), new LenientParser());
            default -> throw new UserError("--parser must be strict, lenient or both, not '" + parser + "'");
        };
    }

    private Bootstrap bootstrap() {
        try {
            return new Bootstrap(resamples, Bootstrap.DEFAULT_LEVEL);
        } catch (IllegalArgumentException e) {
            throw new UserError("--bootstrap-resamples: " + e.getMessage());
        }
    }
}
