package org.mhbench.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mhbench.run.ResponseRecord;

/**
 * A progress bar on stderr (items done, rate, ETA, failures so far) that redraws in place on a
 * terminal and prints at most one line a minute otherwise, so CI logs stay short.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private int failures;
    private String lastLine;

    Progress(String task, long total) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" items", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setUpdateIntervalMillis(terminal ? 500 : 60_000)
                .continuousUpdate();
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
            System.err.println(s);
        }
    }

    synchronized void record(ResponseRecord r) {
        if (r.failed()) {
            failures++;
            bar.setExtraMessage(" " + failures + " failed");
        }
        bar.step();
    }

    Duration elapsed() {
        return bar.getTotalElapsed();
    }

    @Override
    public void close() {
        bar.close();
    }
}
