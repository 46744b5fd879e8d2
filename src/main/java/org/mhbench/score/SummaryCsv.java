package org.mhbench.score;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes {@code summary.csv} ({@link SummaryRow#HEADER}). {@code k} and {@code n} are
 * empty for rows whose counts are unknown (external percentages such as the human baseline; −1 in
 * {@link SummaryRow}); rates and interval ends have at most 6 decimals; NaN is {@code NaN}.
 */
public final class SummaryCsv {

    /** The file name inside a run folder. */
    public static final String FILE = "summary.csv";

    /** The stigma attribution table: same columns, item = question id (see ScoreResult#attribution). */
    public static final String ATTRIBUTION_FILE = "attribution.csv";

    private SummaryCsv() {
    }

    public static void write(Path file, List<SummaryRow> rows) throws IOException {
        CsvFiles.write(file, SummaryRow.HEADER, p -> {
            for (SummaryRow r : rows) {
                p.printRecord(r.experiment(), r.model(), r.judge(), r.systemPrompt(), r.context(), r.condition(),
                        r.item(), CsvFiles.count(r.k()), CsvFiles.count(r.n()), CsvFiles.rate(r.rate()),
                        CsvFiles.rate(r.ciLow()), CsvFiles.rate(r.ciHigh()));
            }
        });
    }

    /** Reads a summary file; a malformed row is an {@link IOException} naming file and line. */
    public static List<SummaryRow> read(Path file) throws IOException {
        List<SummaryRow> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CsvFiles.FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!parser.getHeaderNames().equals(SummaryRow.HEADER)) {
                throw new IOException(file + ":1: expected the header " + String.join(",", SummaryRow.HEADER));
            }
            for (CSVRecord c : parser) {
                try {
                    out.add(new SummaryRow(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6),
                            CsvFiles.parseCount(c.get(7)), CsvFiles.parseCount(c.get(8)),
                            CsvFiles.parseDouble(c.get(9)), CsvFiles.parseDouble(c.get(10)),
                            CsvFiles.parseDouble(c.get(11))));
                } catch (RuntimeException e) {
                    throw new IOException(file + ":" + (c.getRecordNumber() + 1) + ": bad summary row: " + e.getMessage(),
                            e);
                }
            }
        }
        return out;
    }
}
