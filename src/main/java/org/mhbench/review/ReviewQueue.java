package org.mhbench.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.responses.ResponsesScorer;
import org.mhbench.util.BadInputException;

/**
 * The verdicts of a run to put before people: by default those its judge flagged for review
 * ({@code needs_review}) and that nobody has settled yet, ordered by criterion (one question at a time),
 * then model and record.
 */
public final class ReviewQueue {

    /**
     * Which verdicts.
     *
     * @param judge     the judge whose verdicts to settle, or {@code null} for the run's only machine judge
     * @param criterion only this criterion, or {@code null}
     * @param model     only this model, or {@code null}
     * @param all       every verdict of the judge, not only the flagged ones
     * @param disagree  only verdicts another machine judge answered differently (flagged or not)
     */
    public record Filter(String judge, String criterion, String model, boolean all, boolean disagree) {
        public static final Filter FLAGGED = new Filter(null, null, null, false, false);
    }

    private final String judge;
    private final List<ReviewItem> items;

    private ReviewQueue(String judge, List<ReviewItem> items) {
        this.judge = judge;
        this.items = items;
    }

    /** Reads the run folder's replies and verdicts and selects what {@code filter} asks for. */
    public static ReviewQueue of(Path runDir, Filter filter) throws IOException {
        Map<String, ResponseRecord> records = records(runDir);
        List<Judgment> judgments = RunDirectory.readJudgments(runDir);
        String judge = judgeToReview(runDir, judgments, filter.judge());
        Set<String> settled = new HashSet<>();
        Map<String, List<Judgment>> machine = new HashMap<>();
        for (Judgment x : judgments) {
            if (Judgment.byPerson(x.judge())) {
                settled.add(x.recordId());
            } else if (!x.judge().equals(judge) && !x.judge().endsWith(ResponsesScorer.REVIEWED_SUFFIX)) {
                machine.computeIfAbsent(x.recordId(), k -> new ArrayList<>()).add(x);
            }
        }
        List<ReviewItem> items = new ArrayList<>();
        for (Judgment x : judgments) {
            ResponseRecord r = records.get(x.recordId());
            if (!x.judge().equals(judge) || r == null || settled.contains(x.recordId())
                    || (filter.criterion() != null && !filter.criterion().equals(x.criterion()))
                    || (filter.model() != null && !filter.model().equals(r.model()))) {
                continue;
            }
            ReviewItem item = new ReviewItem(r, x, machine.getOrDefault(x.recordId(), List.of()));
            if (filter.disagree() ? item.judgesDisagree() : (filter.all() || x.needsReview())) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparing(ReviewItem::criterion).thenComparing(i -> i.record().model())
                .thenComparing(ReviewItem::recordId));
        return new ReviewQueue(judge, List.copyOf(items));
    }

    /** Every reply of a run folder, by record id. */
    public static Map<String, ResponseRecord> records(Path runDir) throws IOException {
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.MANIFEST))) {
            throw new BadInputException(runDir + " is not a run folder: it has no " + RunDirectory.MANIFEST);
        }
        Map<String, ResponseRecord> records = new HashMap<>();
        if (Files.isRegularFile(runDir.resolve(RunDirectory.RESPONSES))) {
            ResponseLog.read(runDir.resolve(RunDirectory.RESPONSES)).forEach(r -> records.put(r.id(), r));
        }
        return records;
    }

    /** The judge named, or the run's only judge other than people. */
    private static String judgeToReview(Path runDir, List<Judgment> judgments, String named) {
        Set<String> judges = new LinkedHashSet<>();
        for (Judgment x : judgments) {
            if (!Judgment.byPerson(x.judge()) && !x.judge().endsWith(ResponsesScorer.REVIEWED_SUFFIX)) {
                judges.add(x.judge());
            }
        }
        if (named != null) {
            if (!judges.contains(named)) {
                throw new BadInputException("judge " + named + " has no verdicts in " + runDir + " (it has: "
                        + (judges.isEmpty() ? "none" : String.join(", ", judges)) + ")");
            }
            return named;
        }
        if (judges.size() != 1) {
            throw new BadInputException(judges.isEmpty() ? runDir + " has no verdicts to review; judge it first"
                    : "several judges have verdicts here (" + String.join(", ", judges) + "); name one with --judge");
        }
        return judges.iterator().next();
    }

    /** The verdicts to settle, in review order. */
    public List<ReviewItem> items() {
        return items;
    }

    /** The judge whose verdicts these are. */
    public String judge() {
        return judge;
    }
}
