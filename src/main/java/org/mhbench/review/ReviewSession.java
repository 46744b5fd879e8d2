package org.mhbench.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;

/**
 * A person settling a {@link ReviewQueue}, one verdict at a time: answer yes or no, skip, go back, stop.
 * Each answer is written to {@code judgments.jsonl} at once, as a verdict of judge {@code human:NAME}
 * with its time, so a session can stop at any point (a closed terminal included) and the next one starts
 * where it stopped: the queue leaves out what people have settled. Going back to an answered verdict and
 * answering again replaces the earlier answer.
 *
 * <p>Not thread-safe: one person, one terminal.
 */
public final class ReviewSession {

    private final List<ReviewItem> items;
    private final JsonlLog<Judgment> log;
    private final String judgeId;
    private final String reviewedJudge;
    private final Clock clock;
    private final List<Duration> times = new ArrayList<>();
    private int position;
    private final java.util.Set<String> skippedIds = new java.util.HashSet<>();
    private Instant shownAt;

    /**
     * @param judgeId the reviewer's judge id ({@link HumanVerdict#judgeId(String)})
     * @param log     the run's {@code judgments.jsonl}, open for appending
     */
    public ReviewSession(ReviewQueue queue, String judgeId, JsonlLog<Judgment> log, Clock clock) {
        this.items = queue.items();
        this.reviewedJudge = queue.judge();
        this.judgeId = Objects.requireNonNull(judgeId);
        this.log = log;
        this.clock = clock;
        this.shownAt = clock.instant();
    }

    /** True when every verdict has been passed (answered or skipped). */
    public boolean finished() {
        return position >= items.size();
    }

    /** The verdict on screen; only while not {@link #finished()}. */
    public ReviewItem current() {
        return items.get(position);
    }

    /** Zero-based position of {@link #current()} in the queue. */
    public int position() {
        return position;
    }

    public int size() {
        return items.size();
    }

    /** This reviewer's answer to the current verdict, if given (in this session or on going back), else null. */
    public String answerGiven() {
        Judgment j = log.get(Judgment.key(current().recordId(), judgeId));
        return j == null ? null : j.answer();
    }

    /** Records {@code yes} or {@code no} for the current verdict and moves on. */
    public Judgment answer(boolean yes) {
        ReviewItem item = current();
        Instant now = clock.instant();
        Judgment j = HumanVerdict.of(item.record(), judgeId, yes ? "yes" : "no", "reviewed " + reviewedJudge
                + " (" + item.verdict().answer() + ", p_yes " + String.format(java.util.Locale.ROOT, "%.3f",
                item.verdict().pYes()) + ")", now);
        skippedIds.remove(item.recordId());
        if (log.contains(j.key())) {
            log.replace(j);
        } else {
            log.append(j);
            times.add(Duration.between(shownAt, now));
        }
        advance();
        return j;
    }

    /** Leaves the current verdict as it is and moves on. */
    public void skip() {
        if (answerGiven() == null) {
            skippedIds.add(current().recordId());
        }
        advance();
    }

    /** Goes back one verdict; false at the first one. */
    public boolean back() {
        if (position == 0) {
            return false;
        }
        position--;
        shownAt = clock.instant();
        return true;
    }

    private void advance() {
        position = Math.min(position + 1, items.size());
        shownAt = clock.instant();
    }

    /** Verdicts this reviewer answered in this session (each counted once, however often changed). */
    public int answered() {
        return times.size();
    }

    /** Verdicts passed over without an answer in this session. */
    public int skipped() {
        return skippedIds.size();
    }

    /** The median time from showing a verdict to its first answer, or null before any answer. */
    public Duration medianTimePerAnswer() {
        if (times.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    public String judgeId() {
        return judgeId;
    }

    public String reviewedJudge() {
        return reviewedJudge;
    }
}
