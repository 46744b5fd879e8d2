package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mhbench.experiments.Experiments;
import org.mhbench.report.MalformedRunFile;
import org.mhbench.report.Report;
import org.mhbench.report.html.HtmlReport;
import org.mhbench.score.SummaryCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench report RUN_DIR [RUN_DIR …]}: turns scored run folders into a report. One run folder:
 * {@code report.md}, PNG charts and the self-contained {@code report.html} (in {@code RUN_DIR/report/}
 * unless {@code --out} says otherwise). Several: one {@code report.html} with the runs side by side
 * ({@code --out} names it). Reads only the files {@code mhbench score} and {@code mhbench run} wrote;
 * can be repeated.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a human-readable report of scored run folders: report.md, PNG charts and one "
                + "self-contained report.html (no network, opens from disk) with every reply browsable.",
                "Stigma: rate per condition and model for each system prompt (strict parser), with 95%% "
                        + "intervals and the human baseline when scored with one; per question; parse coverage; tests.",
                "Responses: %% appropriate per condition and model for each judge, system prompt and context "
                        + "(paper's rule), answered-only beside it, by message number, coverage, the judge's agreement "
                        + "and needs-review share.",
                "Cost: the run's wall and CPU time, generation and judging rates and energy (manifest.json), tokens and "
                        + "speeds (usage.csv). Rates are in percent with their 95%% interval and n, as the CSV files give "
                        + "them.",
                "Several RUN_DIRs: one report.html with their models and settings side by side (give --out)."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "RUN_DIR",
            description = "Scored run folder(s) (after 'mhbench score').")
    List<Path> runDirs;

    @Option(names = "--out", paramLabel = "DIR|FILE.html", description = "Where to write: a FILE.html gets the HTML "
            + "report only; a DIR gets report.md, the PNG charts and report.html (several runs: report.html only). "
            + "Default: RUN_DIR/report; required with several run folders.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean htmlFile = out != null && out.getFileName() != null
                && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
        if (runDirs.size() == 1 && !htmlFile) {
            return report(runDirs.get(0), out, err);
        }
        if (out == null) {
            throw new UserError("several run folders make one HTML report: name it with --out FILE.html");
        }
        runDirs.forEach(ReportCommand::checkScored);
        Path file = htmlFile ? out : out.resolve(HtmlReport.FILE);
        writeHtml(runDirs, file, err);
        return ExitCodes.OK;
    }

    /**
     * Writes the report of {@code runDir} into {@code outDir} (null: {@code runDir/report}): report.md, its
     * charts and report.html; notes what it wrote on {@code err}.
     *
     * @return {@link ExitCodes#OK}
     * @throws UserError when the folder does not exist, has not been scored, or holds a malformed file
     */
    public static int report(Path runDir, Path outDir, PrintWriter err) throws IOException {
        checkScored(runDir);
        Path target = outDir != null ? outDir : runDir.resolve(Report.FOLDER);
        Report.Written written;
        try {
            written = Report.write(runDir, target, Experiments.reports());
        } catch (MalformedRunFile e) {
            throw new UserError(e.getMessage() + " (score the run again with 'mhbench score " + runDir + "')", e);
        }
        err.printf("wrote %s and %d chart%s%n", written.markdown(), written.charts().size(),
                written.charts().size() == 1 ? "" : "s");
        err.flush();
        writeHtml(List.of(runDir), target.resolve(HtmlReport.FILE), err);
        return ExitCodes.OK;
    }

    private static void writeHtml(List<Path> runDirs, Path file, PrintWriter err) throws IOException {
        HtmlReport.Written html;
        try {
            html = HtmlReport.write(runDirs, file, Experiments.reports());
        } catch (MalformedRunFile e) {
            throw new UserError(e.getMessage() + " (score the run again with 'mhbench score RUN_DIR')", e);
        }
        err.printf(Locale.ROOT, "wrote %s (%.1f MB, %d %s in its replies table)%n", html.file(),
                html.bytes() / 1e6, html.replies(), html.replies() == 1 ? "row" : "rows");
        err.flush();
    }

    private static void checkScored(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new UserError("no such run folder: " + runDir + " (give the folder 'mhbench run' or "
                    + "'mhbench import-paper' wrote)");
        }
        if (!Files.isRegularFile(runDir.resolve(SummaryCsv.FILE))) {
            throw new UserError(runDir + " has no " + SummaryCsv.FILE + ": run 'mhbench score " + runDir
                    + "' first");
        }
    }
}
