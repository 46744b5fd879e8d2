package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mhbench.report.MalformedRunFile;
import org.mhbench.report.Report;
import org.mhbench.score.SummaryCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench report RUN_DIR}: turns a scored run folder into {@code report.md} and PNG charts
 * (in {@code RUN_DIR/report/} unless {@code --out} says otherwise). Reads only the files
 * {@code mhbench score} and {@code mhbench run} wrote; can be repeated.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a human-readable report of a scored run folder: report.md and PNG charts.",
                "Stigma: rate per condition and model for each system prompt (strict parser), with 95%% "
                        + "intervals and the human baseline when scored with one; parse coverage; significant tests.",
                "Responses: %% appropriate per condition and model for each judge, system prompt and context "
                        + "(paper's rule), by message number, answered-only differences, coverage, needs-review flags.",
                "Cost: tokens and speeds from usage.csv. Numbers are printed as the CSV files hold them."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Scored run folder (after 'mhbench score').")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: RUN_DIR/report).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return report(runDir, out, spec.commandLine().getErr());
    }

    /**
     * Writes the report of {@code runDir} into {@code outDir} (null: {@code runDir/report}) and notes
     * what it wrote on {@code err}.
     *
     * @return {@link ExitCodes#OK}
     * @throws UserError when the folder does not exist, has not been scored, or holds a malformed CSV file
     */
    public static int report(Path runDir, Path outDir, PrintWriter err) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new UserError("no such run folder: " + runDir + " (give the folder 'mhbench run' or "
                    + "'mhbench import-paper' wrote)");
        }
        if (!Files.isRegularFile(runDir.resolve(SummaryCsv.FILE))) {
            throw new UserError(runDir + " has no " + SummaryCsv.FILE + ": run 'mhbench score " + runDir
                    + "' first");
        }
        Path target = outDir != null ? outDir : runDir.resolve(Report.FOLDER);
        Report.Written written;
        try {
            written = Report.write(runDir, target);
        } catch (MalformedRunFile e) {
            throw new UserError(e.getMessage() + " (score the run again with 'mhbench score " + runDir + "')", e);
        }
        err.printf("wrote %s and %d chart%s%n", written.markdown(), written.charts().size(),
                written.charts().size() == 1 ? "" : "s");
        err.flush();
        return ExitCodes.OK;
    }
}
