package org.mhbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mhbench.runfolder.ResponseRecord;

/**
 * A progress bar on stderr (items done, rate, ETA, failures so far) that redraws in place on a
 * terminal and prints one plain line every {@link #LOG_INTERVAL_MILLIS} otherwise, so a CI log shows
 * movement early without growing long. A resumed job can start the bar at what it already had
 * ({@code alreadyDone}): the bar shows the whole job, and its rate and ETA count only the new items.
 */
final class Progress implements AutoCloseable {

    /** How often the bar redraws on a terminal. */
    static final int TERMINAL_INTERVAL_MILLIS = 500;
    /** How often a line is printed when stderr is not a terminal (a log). */
    static final int LOG_INTERVAL_MILLIS = 5_000;

    private final ProgressBar bar;
    private final PrintWriter log;
    private int failures;
    private String lastLine;

    /** A bar for {@code total} items of {@code task}, none done yet. */
    Progress(String task, long total) {
        this(task, total, 0, " items");
    }

    /**
     * @param total       all items of the job, including those already done
     * @param alreadyDone items done before this process started (e.g. by an interrupted run being
     *                    resumed); the bar starts there
     * @param unit        what is counted, with a leading space, e.g. {@code " items"}, {@code " replies"}
     */
    Progress(String task, long total, long alreadyDone, String unit) {
        this(task, total, alreadyDone, unit, System.console() != null);
    }

    /** As above, the lines of a log going to {@code log} (a command's stderr) when not on a terminal. */
    Progress(String task, long total, long alreadyDone, String unit, PrintWriter log) {
        this(task, total, alreadyDone, unit, System.console() != null, log);
    }

    Progress(String task, long total, long alreadyDone, String unit, boolean terminal) {
        this(task, total, alreadyDone, unit, terminal, null);
    }

    private Progress(String task, long total, long alreadyDone, String unit, boolean terminal, PrintWriter log) {
        this.log = log;
        if (alreadyDone < 0 || alreadyDone > total) {
            throw new IllegalArgumentException("already done must be between 0 and " + total + ", got " + alreadyDone);
        }
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setUpdateIntervalMillis(terminal ? TERMINAL_INTERVAL_MILLIS : LOG_INTERVAL_MILLIS)
                .continuousUpdate();
        if (alreadyDone > 0) {
            b.startsFrom(alreadyDone, Duration.ZERO);
        }
        if (!terminal) {
            // A log, not a screen: one plain line per update, no carriage returns, and no line twice
            // (the bar renders its final state both when it completes and when it closes).
            b.setConsumer(new DelegatingProgressBarConsumer(this::printOnce, 100));
        }
        this.bar = b.build();
    }

    private synchronized void printOnce(String line) {
        String s = line.strip();
        if (!s.equals(lastLine)) {
            lastLine = s;
            if (log != null) {
                log.println(s);
                log.flush();
            } else {
                System.err.println(s);
            }
        }
    }

    synchronized void record(ResponseRecord r) {
        step(r.failed());
    }

    /** One more item done; {@code failed} adds it to the failure count shown. */
    synchronized void step(boolean failed) {
        if (failed) {
            failures++;
            bar.setExtraMessage(" " + failures + " failed");
        }
        bar.step();
    }

    /** {@code n} more items done, none failed. */
    synchronized void stepBy(long n) {
        bar.stepBy(n);
    }

    Duration elapsed() {
        return bar.getTotalElapsed();
    }

    @Override
    public void close() {
        bar.close();
    }
}
