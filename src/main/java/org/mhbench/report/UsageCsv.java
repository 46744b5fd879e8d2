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
                p.printRecord(u.model(), u.experiment(), u.items(), u.failed(), u.promptTokens(), u.cachedTokens(),
                        u.evaluatedTokens(), u.completionTokens(), CsvFiles.number(u.promptSeconds()),
                        CsvFiles.number(u.generationSeconds()), CsvFiles.number(u.promptTokensPerSecond()),
                        CsvFiles.number(u.generationTokensPerSecond()), CsvFiles.number(u.itemsPerSecond()));
            }
        });
    }

    public static void print(List<Usage> rows, PrintWriter out) {
        out.printf(Locale.ROOT, "%-30s %-10s %6s %6s %11s %11s %9s %9s %9s %8s%n", "model", "experiment", "items",
                "failed", "prompt tok", "cached tok", "gen tok", "pp tok/s", "tg tok/s", "items/s");
        for (Usage u : rows) {
            out.printf(Locale.ROOT, "%-30s %-10s %6d %6d %11d %11d %9d %9.1f %9.1f %8.2f%n", u.model(), u.experiment(),
                    u.items(), u.failed(), u.promptTokens(), u.cachedTokens(), u.completionTokens(),
                    u.promptTokensPerSecond(), u.generationTokensPerSecond(), u.itemsPerSecond());
        }
        out.flush();
    }
}
