package org.mhbench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.ByMessageCsv;
import org.mhbench.score.CoverageCsv;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.CsvFiles;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;
import org.mhbench.score.TestsCsv;

/**
 * Everything a report shows, read once from a scored run folder: {@code summary.csv} (required),
 * and when present {@code manifest.json}, {@code coverage.csv}, {@code tests.csv},
 * {@code by_message.csv}, {@code usage.csv}, {@code attribution.csv} and the needs-review flags of {@code judgments.jsonl}.
 * Nothing is recomputed: the report prints these numbers as they were written.
 *
 * @param runDir      the run folder
 * @param manifest    the manifest, if the folder has one
 * @param summary     rows of {@code summary.csv}
 * @param coverage    rows of {@code coverage.csv} (empty when absent)
 * @param tests       rows of {@code tests.csv}, column name → cell (empty when absent)
 * @param byMessage   rows of {@code by_message.csv} as summary rows whose {@code item} is the message
 *                    number and whose {@code condition} is {@code overall} (empty when absent)
 * @param usage       rows of {@code usage.csv}, column name → cell (empty when absent)
 * @param needsReview per judge id: {verdicts, verdicts flagged needsReview} from {@code judgments.jsonl}
 * @param attribution rows of {@code attribution.csv} (empty when absent): the share of "likely" answers to
 *                    the questions outside the stigma score, per condition
 */
public record RunTables(Path runDir, Optional<Manifest> manifest, List<SummaryRow> summary,
                        List<CoverageRow> coverage, List<Map<String, String>> tests, List<SummaryRow> byMessage,
                        List<Map<String, String>> usage, Map<String, long[]> needsReview,
                        List<SummaryRow> attribution) {

    /**
     * Reads the run folder. {@code summary.csv} must exist (the caller checks, to say what to do);
     * a malformed file is a {@link MalformedRunFile} naming file and line.
     */
    public static RunTables read(Path runDir) throws IOException {
        try {
            return readUnchecked(runDir);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedRunFile(e.getMessage(), e);
        }
    }

    private static RunTables readUnchecked(Path runDir) throws IOException {
        RunDirectory dir = Files.isRegularFile(runDir.resolve(RunDirectory.MANIFEST)) ? RunDirectory.open(runDir)
                : null;
        Optional<Manifest> manifest = dir == null ? Optional.empty() : dir.readManifest();
        List<SummaryRow> summary = SummaryCsv.read(runDir.resolve(SummaryCsv.FILE));
        List<CoverageRow> coverage = new ArrayList<>();
        List<SummaryRow> byMessage = new ArrayList<>();
        Path file = runDir.resolve(CoverageCsv.FILE);
        try {
            for (Map<String, String> r : table(file)) {
                coverage.add(new CoverageRow(cell(r, "experiment"), cell(r, "model"), cell(r, "judge"),
                        cell(r, "system_prompt"), cell(r, "context"), count(r, "total"), count(r, "failed"),
                        count(r, "parsed"), count(r, "abstained"), count(r, "valid"), count(r, "scored_total"),
                        count(r, "scored_valid")));
            }
            file = runDir.resolve(ByMessageCsv.FILE);
            for (Map<String, String> r : table(file)) {
                Double.parseDouble(cell(r, "message_number")); // a number, or a bad row
                byMessage.add(new SummaryRow(cell(r, "experiment"), cell(r, "model"), cell(r, "judge"),
                        cell(r, "system_prompt"), cell(r, "context"), "overall", cell(r, "message_number"),
                        count(r, "k"), count(r, "n"), CsvFiles.parseDouble(cell(r, "rate")),
                        CsvFiles.parseDouble(cell(r, "ci_low")), CsvFiles.parseDouble(cell(r, "ci_high"))));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": bad row: " + e.getMessage(), e);
        }
        return new RunTables(runDir, manifest, summary, coverage, table(runDir.resolve(TestsCsv.FILE)), byMessage,
                table(runDir.resolve(UsageCsv.FILE)), needsReview(runDir), attribution(runDir));
    }

    private static List<SummaryRow> attribution(Path runDir) throws IOException {
        Path file = runDir.resolve(SummaryCsv.ATTRIBUTION_FILE);
        return Files.isRegularFile(file) ? SummaryCsv.read(file) : List.of();
    }

    /** The rows of one experiment. */
    public List<SummaryRow> summary(String experiment) {
        return summary.stream().filter(r -> r.experiment().equals(experiment)).toList();
    }

    /** Every model label of the run: the manifest's, then any others of {@code summary.csv}, in order. */
    public List<String> models() {
        List<String> out = new ArrayList<>();
        manifest.ifPresent(m -> m.models().forEach(i -> add(out, i.label())));
        summary.forEach(r -> add(out, r.model()));
        return out;
    }

    private static void add(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    private static long count(Map<String, String> row, String column) {
        return CsvFiles.parseCount(cell(row, column));
    }

    private static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return v;
    }

    /** A CSV table as header-keyed rows; empty when the file does not exist. */
    static List<Map<String, String>> table(Path file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CsvFiles.FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord c : parser) {
                if (!c.isConsistent()) {
                    throw new IOException(file + ":" + (c.getRecordNumber() + 1) + ": expected "
                            + parser.getHeaderNames().size() + " columns, found " + c.size());
                }
                out.add(new LinkedHashMap<>(c.toMap()));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, long[]> needsReview(Path runDir) throws IOException {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(runDir.resolve(Judgment.FILE))) {
            return out;
        }
        for (Judgment j : RunDirectory.readJudgments(runDir)) {
            long[] c = out.computeIfAbsent(j.judge(), k -> new long[2]);
            c[0]++;
            c[1] += j.needsReview() ? 1 : 0;
        }
        return out;
    }
}
