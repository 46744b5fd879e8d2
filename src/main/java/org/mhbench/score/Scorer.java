package org.mhbench.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.Plural;

/**
 * The scoring stage: reads a run's {@code responses.jsonl}, hands each experiment's records to its
 * {@link ExperimentScorer}, and writes {@code summary.csv}, {@code coverage.csv} and
 * {@code tests.csv} into the run folder (replacing earlier ones). Scoring never changes
 * {@code responses.jsonl}, so it can be repeated with other options.
 */
public final class Scorer {

    private final Map<String, ExperimentScorer> scorers = new LinkedHashMap<>();

    /** @param scorers one per experiment id (no two with the same id) */
    public Scorer(List<ExperimentScorer> scorers) {
        for (ExperimentScorer s : scorers) {
            if (this.scorers.put(s.experiment(), s) != null) {
                throw new IllegalArgumentException("two scorers for experiment " + s.experiment());
            }
        }
    }

    /** Scores records of every experiment that has a scorer; others are noted and skipped. */
    public ScoreResult score(List<ResponseRecord> records) {
        // One canonical order, so that scores (seeded bootstrap intervals included) depend on what a run
        // holds, not on the order it was written in: parallel slots, a resume or a merge of shards
        // append the same records in other orders.
        // Models keep the order they first appear in (the run's order); within a model, by record id.
        Map<String, Integer> rank = new LinkedHashMap<>();
        records.forEach(r -> rank.putIfAbsent(r.model(), rank.size()));
        List<ResponseRecord> ordered = new ArrayList<>(records);
        ordered.sort(java.util.Comparator.comparing((ResponseRecord r) -> rank.get(r.model()))
                .thenComparing(ResponseRecord::id));
        Map<String, List<ResponseRecord>> byExperiment = new LinkedHashMap<>();
        for (ResponseRecord r : ordered) {
            byExperiment.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(r);
        }
        ScoreResult report = ScoreResult.empty();
        for (Map.Entry<String, List<ResponseRecord>> e : byExperiment.entrySet()) {
            ExperimentScorer s = scorers.get(e.getKey());
            if (s == null) {
                int n = e.getValue().size();
                report = report.withNote(Plural.of(n, "record") + " of experiment '" + e.getKey() + "' "
                        + Plural.verb(n, "was", "were") + " not scored (no scorer for it)");
            } else {
                report = report.plus(s.score(e.getValue()));
            }
        }
        return report;
    }

    /**
     * Scores a run folder and writes the three tables into it.
     *
     * @throws IOException when {@code responses.jsonl} is missing or unreadable, or a table cannot be written
     */
    public ScoreResult scoreRun(RunDirectory dir) throws IOException {
        Path responses = dir.responsesFile();
        if (!Files.isRegularFile(responses)) {
            throw new java.nio.file.NoSuchFileException(responses.toString(), null,
                    "the run has no responses yet");
        }
        ScoreResult report = score(ResponseLog.read(responses));
        write(dir.root(), report);
        return report;
    }

    /** Writes {@code summary.csv}, {@code coverage.csv}, {@code tests.csv} and, when there are such rows, {@code by_message.csv} and {@code attribution.csv}. */
    public static void write(Path folder, ScoreResult report) throws IOException {
        SummaryCsv.write(folder.resolve(SummaryCsv.FILE), report.summary());
        CoverageCsv.write(folder.resolve(CoverageCsv.FILE), report.coverage());
        TestsCsv.write(folder.resolve(TestsCsv.FILE), report.tests());
        if (!report.byMessage().isEmpty()) {
            ByMessageCsv.write(folder.resolve(ByMessageCsv.FILE), report.byMessage());
        }
        if (!report.attribution().isEmpty()) {
            SummaryCsv.write(folder.resolve(SummaryCsv.ATTRIBUTION_FILE), report.attribution());
        }
    }
}
