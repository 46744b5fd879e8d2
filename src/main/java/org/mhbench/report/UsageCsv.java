package org.mhbench.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mhbench.score.CsvFiles;

/** Writes {@code usage.csv} and prints the same table for people. */
public final class UsageCsv {

    public static final String FILE = "usage.csv";

    private UsageCsv() {
    }

    public static void write(Path runDir, List<Usage> rows) throws IOException {
        CsvFiles.write(runDir.resolve(FILE), Usage.HEADER, p -> {
            for (Usage u : rows) {
                p.printRecord(u.model(), u.experiment(), u.items(), u.failed(), u.promptTokens(),
                        u.completionTokens(), CsvFiles.number(u.promptSeconds()),
                        CsvFiles.number(u.generationSeconds()), CsvFiles.number(u.promptTokensPerSecond()),
                        CsvFiles.number(u.generationTokensPerSecond()));
            }
        });
    }

    public static void print(List<Usage> rows, PrintWriter out) {
        out.printf(Locale.ROOT, "%-34s %-10s %7s %6s %12s %10s %9s %9s%n", "model", "experiment", "items", "failed",
                "prompt tok", "gen tok", "pp tok/s", "tg tok/s");
        for (Usage u : rows) {
            out.printf(Locale.ROOT, "%-34s %-10s %7d %6d %12d %10d %9.1f %9.1f%n", u.model(), u.experiment(),
                    u.items(), u.failed(), u.promptTokens(), u.completionTokens(), u.promptTokensPerSecond(),
                    u.generationTokensPerSecond());
        }
        out.flush();
    }
}
