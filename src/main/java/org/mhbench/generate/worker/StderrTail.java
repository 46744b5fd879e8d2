package org.mhbench.generate.worker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import org.mhbench.util.PrivateFiles;

/** Drains a child process's stderr (a worker JVM, a llama-server) on a daemon thread: keeps the last lines, optionally appends all to a file. */
public final class StderrTail {

    private static final int KEEP = 40;
    private final Deque<String> lines = new ArrayDeque<>();

    private final boolean echo;
    private final java.util.function.Consumer<String> listener;

    /**
     * @param echo also copy every line to this process's stderr (for {@code --verbose} runs
     *             without a log file)
     */
    public StderrTail(InputStream stream, Path logFile, String name, boolean echo) {
        this(stream, logFile, name, echo, line -> { });
    }

    /** As above, also handing every line to {@code listener} (on the draining thread). */
    public StderrTail(InputStream stream, Path logFile, String name, boolean echo,
                      java.util.function.Consumer<String> listener) {
        this.echo = echo;
        this.listener = listener;
        Thread t = new Thread(() -> drain(stream, logFile), name + "-stderr");
        t.setDaemon(true);
        t.start();
    }

    private void drain(InputStream stream, Path logFile) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
             BufferedWriter w = logFile == null ? null : open(logFile)) {
            String line;
            while ((line = r.readLine()) != null) {
                add(line);
                listener.accept(line);
                if (echo) {
                    System.err.println(line);
                }
                if (w != null) {
                    w.write(line);
                    w.newLine();
                    w.flush();
                }
            }
        } catch (IOException e) {
            add("[mhbench: stderr of the worker could not be read: " + e.getMessage() + "]");
        }
    }

    private static BufferedWriter open(Path file) throws IOException {
        PrivateFiles.file(file);
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private synchronized void add(String line) {
        lines.addLast(line);
        while (lines.size() > KEEP) {
            lines.removeFirst();
        }
    }

    /** The last few non-blank lines, joined with " | ", for one-line error messages. */
    public synchronized String summary(int max) {
        java.util.List<String> kept = lines.stream().filter(l -> !l.isBlank()).toList();
        return String.join(" | ", kept.subList(Math.max(0, kept.size() - max), kept.size()));
    }
}
