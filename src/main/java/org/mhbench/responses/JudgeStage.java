package org.mhbench.responses;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.UnsupportedCriterionException;
import org.mhbench.judge.Verdict;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;

/**
 * The judge stage of a run: asks one {@link Judge} about every {@code responses} record that has a
 * response and no judgment by that judge yet, and appends each verdict to
 * {@code judgments.jsonl} ({@link Judgment}). Records of other experiments and failed generations
 * are skipped (a failure has nothing to judge; scoring counts it as inappropriate under the paper's
 * rule). Calling it again resumes: what is already judged is not asked again.
 *
 * <p>"Already judged" means judged by this judge: the same id, version and training data. Verdicts
 * under the same id from a judge that differs in version or training data are never taken for this
 * judge's: the stage refuses to start ({@link JudgeConflictException}) rather than skip the records
 * or mix two judges' verdicts under one name.
 */
public final class JudgeStage {

    /** How many records to hand the judge at once ({@link Judge#judgeAll}). */
    static final int BATCH = 16;

    private final Judge judge;
    private final JsonlLog<Judgment> log;
    private final JudgeInfo info;
    private final String judgeId;

    /**
     * @param log the run's {@code judgments.jsonl}, open for appending ({@link #openLog})
     * @throws JudgeConflictException when the log holds verdicts under this judge's id from another judge
     */
    public JudgeStage(Judge judge, JsonlLog<Judgment> log) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.log = Objects.requireNonNull(log, "log");
        this.info = judge.info();
        this.judgeId = info.id();
        for (Judgment j : log.records()) {
            if (j.judge().equals(judgeId) && !j.madeBy(info)) {
                throw conflict(log.file(), j.judgeVersion(), j.judgeTrainingDataSha256(), info);
            }
        }
    }

    /**
     * Checks a run's manifest, which lists every judge that judged it ({@code id}, {@code version},
     * {@code training_data_sha256}): a judge of the same id that differs is a conflict. This catches
     * verdicts written before {@code judgments.jsonl} recorded version and training data.
     *
     * @throws JudgeConflictException naming both judges and what to do
     */
    public static void checkManifest(List<JudgeInfo> judges, JudgeInfo info, Path manifest) {
        for (JudgeInfo j : judges) {
            if (!info.id().equals(j.id())) {
                continue;
            }
            String version = j.version();
            String sha = j.trainingDataSha256();
            if (version != null && !version.equals(info.version()) || sha != null && !sha.equals(info.trainingDataSha256())) {
                throw conflict(manifest, version, sha, info);
            }
        }
    }

    private static JudgeConflictException conflict(Path where, String version, String sha, JudgeInfo info) {
        return new JudgeConflictException(where + " already holds verdicts of " + info.id() + " made by another "
                + "judge of that name (version " + version + ", training data " + shortSha(sha) + "; this one: version "
                + info.version() + ", training data " + shortSha(info.trainingDataSha256()) + "); they would be "
                + "taken for this judge's. Give this judge its own name (mhbench train-judge --id NAME, or leave "
                + "--id out: the default name carries the training-data hash), or judge a copy of the run folder");
    }

    private static String shortSha(String sha) {
        return sha == null ? "unknown" : sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }


    /** What a call did. */
    public record Outcome(int judged, int alreadyJudged, int unsupported, int needsReview) {
    }

    /** The judge's input for a record with a response (criterion = the record's item). */
    public static JudgeInput input(ResponseRecord r) {
        return new JudgeInput(r.id(), r.item(), attribute(r, ResponsesExperiment.QUESTION),
                attribute(r, ResponsesExperiment.QUERY), r.output());
    }

    private static String attribute(ResponseRecord r, String name) {
        String v = r.attributes().get(name);
        if (v == null) {
            throw new org.mhbench.util.BadInputException("record " + r.id() + " has no '" + name + "' attribute, so it cannot "
                    + "be judged");
        }
        return v;
    }

    /** Whether the record is one this stage judges: a responses record with a response. */
    public static boolean judgeable(ResponseRecord r) {
        return ResponsesExperiment.ID.equals(r.experiment()) && !r.failed();
    }

    /** Judges one record now (the run's "judge as it goes"); nothing happens when it is not judgeable or done. */
    public Outcome judge(ResponseRecord r) {
        return judgeAll(List.of(r), j -> { });
    }

    /**
     * Judges every judgeable record not yet judged by this judge, in batches, appending each verdict.
     *
     * @param onJudgment called after each append (progress)
     */
    public Outcome judgeAll(List<ResponseRecord> records, Consumer<Judgment> onJudgment) {
        List<ResponseRecord> todo = new ArrayList<>();
        int already = 0;
        int unsupported = 0;
        for (ResponseRecord r : records) {
            if (!judgeable(r)) {
                continue;
            }
            Judgment done = log.get(Judgment.key(r.id(), judgeId));
            if (done != null && done.madeBy(info)) {
                already++;
            } else if (done != null) {
                throw conflict(log.file(), done.judgeVersion(), done.judgeTrainingDataSha256(), info);
            } else if (!judge.supports(r.item())) {
                unsupported++;
            } else {
                todo.add(r);
            }
        }
        int judged = 0;
        int review = 0;
        for (int from = 0; from < todo.size(); from += BATCH) {
            List<ResponseRecord> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
            List<Verdict> verdicts;
            try {
                verdicts = judge.judgeAll(batch.stream().map(JudgeStage::input).toList());
            } catch (UnsupportedCriterionException e) {
                unsupported += batch.size();
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                Judgment j = judgment(batch.get(i), verdicts.get(i));
                log.append(j);
                judged++;
                if (j.needsReview()) {
                    review++;
                }
                onJudgment.accept(j);
            }
        }
        return new Outcome(judged, already, unsupported, review);
    }

    private Judgment judgment(ResponseRecord r, Verdict v) {
        String appropriateAnswer = r.attributes().get(ResponsesExperiment.APPROPRIATE_ANSWER);
        return new Judgment(r.id(), judgeId, r.item(), v.answer(), v.pYes(), v.needsReview(), appropriateAnswer,
                v.answer().equals(appropriateAnswer), Instant.now(), info.version(), info.trainingDataSha256(),
                v.decidedBy(), v.reason());
    }
}
