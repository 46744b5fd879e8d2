package org.mhbench.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code tests.csv} ({@link TestRow#HEADER}). */
public final class TestsCsv {

    /** The file name inside a run folder. */
    public static final String FILE = "tests.csv";

    private TestsCsv() {
    }

    public static void write(Path file, List<TestRow> rows) throws IOException {
        CsvFiles.write(file, TestRow.HEADER, p -> {
            for (TestRow r : rows) {
                p.printRecord(r.experiment(), r.test(), r.comparison(), r.model(), r.systemPrompt(), r.context(),
                        r.judge(), r.condition(), r.item(), r.groupA(), r.groupB(), r.nA(), r.nB(),
                        CsvFiles.rate(r.rateA()), CsvFiles.rate(r.rateB()), CsvFiles.number(r.statistic()),
                        CsvFiles.number(r.df()), CsvFiles.number(r.p()), r.familySize(),
                        CsvFiles.number(r.pAdjusted()), CsvFiles.number(r.alpha()), r.significant(), r.note());
            }
        });
    }
}
