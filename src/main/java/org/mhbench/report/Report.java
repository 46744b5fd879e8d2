package org.mhbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.mhbench.util.PrivateFiles;

/**
 * The last stage of the pipeline: a scored run folder as a human-readable report,
 * {@code report.md} plus PNG charts beside it. Every number comes from the run's CSV files
 * ({@link RunTables}); nothing is recomputed.
 */
public final class Report {

    /** The default output folder inside a run folder. */
    public static final String FOLDER = "report";
    /** The markdown file's name. */
    public static final String FILE = "report.md";

    private Report() {
    }

    /**
     * What was written.
     *
     * @param markdown the report file
     * @param charts   the PNG charts, in the order the report shows them
     */
    public record Written(Path markdown, List<Path> charts) {
    }

    /**
     * Writes the report of {@code runDir} into {@code outDir} (created owner-only; existing files of the
     * same names are replaced): a header, each experiment's section in the order given, the cost.
     * {@code runDir/summary.csv} must exist.
     *
     * @throws IOException when a file cannot be read or written, or a CSV file is malformed (the
     *                     message names the file)
     */
    public static Written write(Path runDir, Path outDir, List<ExperimentReport> experiments) throws IOException {
        ChartFiles.headless();
        RunTables tables = RunTables.read(runDir);
        PrivateFiles.directory(outDir);
        ChartOutput charts = new ChartOutput(outDir);
        StringBuilder b = new StringBuilder(HeaderSection.render(tables, Instant.now()));
        for (ExperimentReport e : experiments) {
            b.append(e.markdown(tables, charts));
        }
        String markdown = b.append(CostSection.render(tables.usage(),
                tables.manifest().map(org.mhbench.runfolder.Manifest::cost).orElse(null))).toString();
        Path file = outDir.resolve(FILE);
        PrivateFiles.replace(file, tmp -> Files.writeString(tmp, markdown, StandardCharsets.UTF_8));
        return new Written(file, charts.written());
    }
}
