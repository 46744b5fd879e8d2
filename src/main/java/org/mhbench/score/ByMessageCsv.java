package org.mhbench.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code by_message.csv}: % appropriate per number of transcript messages placed before the
 * stimulus (paper-methods §2.5, "by message number"), pooled over conditions and stimuli. Columns
 * as {@code summary.csv}, with {@code message_number} in place of {@code condition,item}.
 */
public final class ByMessageCsv {

    public static final String FILE = "by_message.csv";

    public static final List<String> HEADER = List.of("experiment", "model", "judge", "system_prompt", "context",
            "message_number", "k", "n", "rate", "ci_low", "ci_high");

    private ByMessageCsv() {
    }

    public static void write(Path file, List<SummaryRow> rows) throws IOException {
        CsvFiles.write(file, HEADER, p -> {
            for (SummaryRow r : rows) {
                p.printRecord(r.experiment(), r.model(), r.judge(), r.systemPrompt(), r.context(), r.item(),
                        CsvFiles.count(r.k()), CsvFiles.count(r.n()), CsvFiles.rate(r.rate()),
                        CsvFiles.rate(r.ciLow()), CsvFiles.rate(r.ciHigh()));
            }
        });
    }
}
