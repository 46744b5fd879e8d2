package org.mhbench.review;

import java.time.Instant;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.util.BadInputException;

/** A person's verdict on a reply: a {@link Judgment} of judge {@code human:NAME}. */
public final class HumanVerdict {

    private HumanVerdict() {
    }

    /** The judge id of a reviewer's verdicts, after checking the name. */
    public static String judgeId(String reviewer) {
        if (reviewer == null || !reviewer.matches("[A-Za-z0-9._-]+")) {
            throw new BadInputException("name the reviewer with --reviewer NAME (letters, digits, . _ -): the verdicts "
                    + "are recorded as judge " + Judgment.REVIEWER_PREFIX + "NAME");
        }
        return Judgment.REVIEWER_PREFIX + reviewer;
    }

    /**
     * A reviewer's verdict.
     *
     * @param judgeId {@link #judgeId(String)}
     * @param answer  {@code yes} or {@code no}
     * @param reason  what the reviewer settled (e.g. {@code reviewed onnx:…}), recorded with the verdict
     */
    public static Judgment of(ResponseRecord record, String judgeId, String answer, String reason, Instant at) {
        String appropriate = record.attributes().get(ResponsesExperiment.APPROPRIATE_ANSWER);
        boolean yes = answer.equals("yes");
        return new Judgment(record.id(), judgeId, record.item(), answer, yes ? 1 : 0, false, appropriate,
                answer.equals(appropriate), at, "1", "none", judgeId, reason);
    }
}
