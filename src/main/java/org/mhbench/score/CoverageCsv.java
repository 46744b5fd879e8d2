package org.mhbench.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code coverage.csv} ({@link CoverageRow#HEADER}). */
public final class CoverageCsv {

    /** The file name inside a run folder. */
    public static final String FILE = "coverage.csv";

    private CoverageCsv() {
    }

    public static void write(Path file, List<CoverageRow> rows) throws IOException {
        CsvFiles.write(file, CoverageRow.HEADER, p -> {
            for (CoverageRow r : rows) {
                p.printRecord(r.experiment(), r.model(), r.judge(), r.systemPrompt(), r.context(), r.total(),
                        r.failed(), r.parsed(), r.abstained(), r.valid(), r.scoredTotal(), r.scoredValid());
            }
        });
    }
}
