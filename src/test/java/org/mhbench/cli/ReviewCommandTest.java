package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RunDirectory;

/** The spreadsheet review loop: export what a judge flagged, label it, import it, score J+reviewed. */
class ReviewCommandTest {

    @Test
    void exportLabelImportAndScoreTheReviewedReading(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        CliRun run = CliRun.of("run", "-e", "responses", "-m", TestFixtures.tinyModel().toString(), "--backend",
                "jni", "-t", "1", "--max-tokens", "16", "--system-prompt", "none", "--judge", "onnx", "--no-score",
                "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        Path csv = tmp.resolve("review.csv");
        CliRun export = CliRun.of("review", dir.toString(), "--export", csv.toString(), "--all");
        assertEquals(0, export.status(), export.err());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(csv)), "it holds replies: owner-only");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(csv)).getRecords();
        assertEquals(10, rows.size(), "every verdict of the judge with --all");
        assertTrue(rows.stream().allMatch(r -> r.get("label").isEmpty() && !r.get("reply").isEmpty()));

        // A reviewer says "no" to every reply of the first three rows and leaves the rest blank.
        Path labelled = tmp.resolve("labelled.csv");
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(labelled),
                CSVFormat.DEFAULT.builder().setHeader(ReviewCommand.COLUMNS.toArray(new String[0])).build())) {
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = new ArrayList<>(rows.get(i).toList());
                cells.set(cells.size() - 1, i < 3 ? "no" : "");
                p.printRecord(cells);
            }
        }
        CliRun noName = CliRun.of("review", dir.toString(), "--import", labelled.toString());
        assertEquals(2, noName.status(), noName.err());
        CliRun imported = CliRun.of("review", dir.toString(), "--import", labelled.toString(), "--reviewer", "ann");
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.err().contains("recorded 3 verdicts of human:ann (7 rows left blank)"), imported.err());
        CliRun again = CliRun.of("review", dir.toString(), "--import", labelled.toString(), "--reviewer", "ann");
        assertTrue(again.err().contains("recorded 0 verdicts"), "importing twice adds nothing: " + again.err());
        List<Judgment> human = RunDirectory.readJudgments(dir).stream()
                .filter(j -> j.judge().equals("human:ann")).toList();
        assertEquals(3, human.size());

        CliRun score = CliRun.of("score", dir.toString(), "--bootstrap-resamples", "100");
        assertEquals(0, score.status(), score.err());
        String summary = Files.readString(dir.resolve("summary.csv"));
        assertTrue(summary.contains("onnx:mhbench-judge-e5s+reviewed"), "the reviewed reading is scored");
        assertTrue(score.err().contains("3 verdicts of 10 from people's review"), score.err());

        // people's verdicts teach a judge, and measure one
        Path judgeDir = tmp.resolve("judge");
        CliRun train = CliRun.of("train-judge", "--labels", org.mhbench.util.Home.resolve(
                "src/test/resources/judge/human-style.jsonl").toString(), "--labels", dir.toString(), "--out",
                judgeDir.toString());
        assertEquals(0, train.status(), train.err());
        assertTrue(train.err().contains(dir + ": 3 labelled replies"), train.err());
        org.mhbench.judge.onnx.JudgeManifest m = org.mhbench.judge.onnx.JudgeManifest.read(judgeDir);
        assertTrue(m.training().get("sources").toString().contains("reviewed_run=run"), m.training().toString());
        assertEquals("onnx:mhbench-judge-e5s-" + m.trainingDataSha256().substring(0, 8), m.id());
        CliRun validate = CliRun.of("validate-judge", "--labels", dir.toString());
        assertEquals(0, validate.status(), validate.err());
        assertTrue(validate.out().lines().anyMatch(l -> l.startsWith("all ") && l.contains(" 3 ")), validate.out());
        CliRun unreviewed = CliRun.of("validate-judge", "--labels", tmp.toString());
        assertEquals(2, unreviewed.status(), "a folder that is not a run folder: " + unreviewed.err());

        CliRun settled = CliRun.of("review", dir.toString(), "--export", csv.toString(), "--all");
        assertEquals(0, settled.status(), settled.err());
        assertTrue(settled.err().contains("wrote 7 verdicts"), "settled ones are not exported again: " + settled.err());
        Files.writeString(labelled, Files.readString(labelled).replaceFirst(",no\\r?\\n", ",maybe\n"));
        CliRun bad = CliRun.of("review", dir.toString(), "--import", labelled.toString(), "--reviewer", "bob");
        assertEquals(2, bad.status(), bad.err());
        assertTrue(bad.err().contains(":2: label must be yes, no or empty"), bad.err());
    }
}
