package org.mhbench.report.html;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mhbench.report.MalformedRunFile;
import org.mhbench.report.RunTables;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;

/**
 * One scored run folder as the HTML report needs it: its tables ({@link RunTables}) and, for the
 * replies table and the judge section, its records and verdicts.
 *
 * @param name      the run's name in the report (its folder's name, made unique among the runs)
 * @param tables    the CSV files and manifest
 * @param records   {@code responses.jsonl} (empty when absent)
 * @param judgments {@code judgments.jsonl} (empty when absent)
 */
record RunData(String name, RunTables tables, List<ResponseRecord> records, List<Judgment> judgments) {

    RunData {
        records = List.copyOf(records);
        judgments = List.copyOf(judgments);
    }

    /** Reads a scored run folder; a malformed file is a {@link MalformedRunFile} naming it. */
    static RunData read(Path dir, String name) throws IOException {
        RunTables tables = RunTables.read(dir);
        try {
            Path responses = dir.resolve(RunDirectory.RESPONSES);
            List<ResponseRecord> records = Files.isRegularFile(responses) ? ResponseLog.read(responses) : List.of();
            List<Judgment> judgments = Files.isRegularFile(dir.resolve(Judgment.FILE)) ? org.mhbench.runfolder.RunDirectory.readJudgments(dir)
                    : List.of();
            return new RunData(name, tables, records, judgments);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedRunFile(e.getMessage(), e);
        }
    }

    Path dir() {
        return tables.runDir();
    }
}
