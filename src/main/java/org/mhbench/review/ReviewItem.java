package org.mhbench.review;

import java.util.List;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;

/**
 * One verdict to settle: a reply of a run and the verdict a judge gave on it, with what else a reviewer
 * should see (the other judges' verdicts on the same reply).
 *
 * @param record the reply
 * @param verdict the verdict under review
 * @param others other machine judges' verdicts on the same reply
 */
public record ReviewItem(ResponseRecord record, Judgment verdict, List<Judgment> others) {

    public ReviewItem {
        others = List.copyOf(others);
    }

    public String recordId() {
        return record.id();
    }

    public String criterion() {
        return verdict.criterion();
    }

    /** The yes/no question of the criterion, as the run's stimulus worded it. */
    public String question() {
        return record.attributes().getOrDefault(ResponsesExperiment.QUESTION, "");
    }

    /** The client's message the reply answers. */
    public String clientMessage() {
        return record.attributes().getOrDefault(ResponsesExperiment.QUERY, "");
    }

    public String reply() {
        return record.output();
    }

    /** Whether another machine judge answered differently. */
    public boolean judgesDisagree() {
        return others.stream().anyMatch(o -> !o.answer().equals(verdict.answer()));
    }
}
