package org.mhbench.generate.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to start and supervise a worker process.
 *
 * @param loadTimeout    longest wait for the model to load
 * @param requestTimeout longest wait for one request; the worker is killed past it
 * @param logFile        where the worker's stderr goes (appended), or {@code null} to keep only the last
 *                       lines in memory for error messages
 * @param jvmArgs        extra JVM options for the worker
 * @param nativeLog      let llama.cpp print its own log to the worker's stderr
 */
public record WorkerOptions(Duration loadTimeout, Duration requestTimeout, Path logFile, List<String> jvmArgs,
                            boolean nativeLog) {

    public WorkerOptions {
        Objects.requireNonNull(loadTimeout, "loadTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        jvmArgs = List.copyOf(Objects.requireNonNullElse(jvmArgs, List.of()));
    }

    /** 10 minutes to load, 30 minutes per request, stderr kept in memory, no native log. */
    public static WorkerOptions defaults() {
        return new WorkerOptions(Duration.ofMinutes(10), Duration.ofMinutes(30), null, List.of(), false);
    }

    public WorkerOptions withLogFile(Path file) {
        return new WorkerOptions(loadTimeout, requestTimeout, file, jvmArgs, nativeLog);
    }

    public WorkerOptions withNativeLog(boolean on) {
        return new WorkerOptions(loadTimeout, requestTimeout, logFile, jvmArgs, on);
    }

    public WorkerOptions withRequestTimeout(Duration timeout) {
        return new WorkerOptions(loadTimeout, timeout, logFile, jvmArgs, nativeLog);
    }
}
