package org.mhbench.runfolder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.mhbench.judge.JudgeInfo;

/**
 * One line of {@code RUN_DIR/judgments.jsonl}: one judge's verdict on one record of
 * {@code responses.jsonl}. A record has at most one judgment per judge; a record without a response
 * (a failed generation) is never judged. Judgments are append-only, like responses, so judging can
 * be interrupted and resumed, and a run can be re-judged by another judge without regenerating.
 *
 * @param recordId          the {@link org.mhbench.runfolder.ResponseRecord#id()} judged
 * @param judge             the judge's id ({@link org.mhbench.judge.JudgeInfo#id()}), e.g.
 *                          {@code llm:qwen2.5-7b-instruct-q4_k_m}, {@code gpt-4o} (the paper's labels),
 *                          {@code human}
 * @param criterion         the criterion (stimulus) id
 * @param answer            the judge's answer to the criterion question, {@code yes} or {@code no}
 * @param pYes              the judge's probability of yes (1/0 for judges without one; 0.5 for an
 *                          unreadable LLM answer)
 * @param needsReview       the judge was unsure, or its answer could not be read; a person should look
 * @param appropriateAnswer the record's appropriate answer at judging time (convenience copy; scoring
 *                          uses the record's own {@code appropriate_answer} attribute)
 * @param appropriate       {@code answer == appropriateAnswer} (convenience copy)
 * @param judgedAt          when it was recorded
 * @param judgeVersion      the judge's version ({@link org.mhbench.judge.JudgeInfo#version()}); {@code null}
 *                          for imported labels and for verdicts written before mhbench recorded it
 * @param judgeTrainingDataSha256 the SHA-256 of the data the judge was trained on ({@code none} for a judge
 *                          not trained by mhbench); {@code null} as {@code judgeVersion}
 * @param decidedBy         for an escalating judge ({@code --escalate}), the judge that gave the answer;
 *                          otherwise {@code null}
 * @param reason            why that judge decided (e.g. the first judge's verdict needed review), or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Judgment(String recordId, String judge, String criterion, String answer, double pYes,
                       boolean needsReview, String appropriateAnswer, boolean appropriate, Instant judgedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String judgeVersion,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String judgeTrainingDataSha256,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    /** The file name inside a run folder. */
    public static final String FILE = "judgments.jsonl";
    /** Prefix of the verdicts people gave in {@code mhbench review} ({@code human:NAME}). */
    public static final String REVIEWER_PREFIX = "human:";

    /** Whether {@code judge} is a person: a reviewer ({@code human:NAME}) or imported human labels ({@code human}). */
    public static boolean byPerson(String judge) {
        return judge.startsWith(REVIEWER_PREFIX) || judge.equals("human");
    }

    public Judgment {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(judge, "judge");
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            throw new IllegalArgumentException("judgment of " + recordId + ": answer must be yes or no, got " + answer);
        }
    }

    /** A judgment that does not say which version of its judge made it (imported labels). */
    public Judgment(String recordId, String judge, String criterion, String answer, double pYes, boolean needsReview,
                    String appropriateAnswer, boolean appropriate, Instant judgedAt) {
        this(recordId, judge, criterion, answer, pYes, needsReview, appropriateAnswer, appropriate, judgedAt, null,
                null, null, null);
    }

    /**
     * Whether this verdict may have come from {@code info}: same judge id, and the same version and
     * training data where this verdict records them (older verdicts do not).
     */
    public boolean madeBy(JudgeInfo info) {
        return judge.equals(info.id()) && (judgeVersion == null || judgeVersion.equals(info.version()))
                && (judgeTrainingDataSha256 == null || judgeTrainingDataSha256.equals(info.trainingDataSha256()));
    }

    /** The log key: one judgment per record and judge. */
    public String key() {
        return key(recordId, judge);
    }

    public static String key(String recordId, String judge) {
        return recordId + "\u0000" + judge;
    }

    public boolean yes() {
        return "yes".equals(answer);
    }
}
