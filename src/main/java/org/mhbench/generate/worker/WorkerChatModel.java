package org.mhbench.generate.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException.Kind;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.util.Json;

/**
 * A {@link ChatModel} whose model lives in a worker JVM started for it. A hang, a native abort or
 * an out-of-memory kill costs that worker, never the caller: pending and later requests fail with
 * {@link GenerationException#fatal()} set and the caller may start a new worker.
 *
 * <p>Thread-safe: with {@code parallelSlots > 1} several threads may call {@link #complete} at once
 * and the worker serves them concurrently.
 */
public final class WorkerChatModel implements ChatModel {

    private static final AtomicLong WORKERS = new AtomicLong();

    private final Process process;
    private final Writer stdin;
    private final StderrTail stderr;
    private final WorkerOptions options;
    private final Map<Long, CompletableFuture<WorkerMessage>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<WorkerMessage> ready = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final String name;
    private volatile ModelInfo info;
    private volatile GenerationException death;

    private WorkerChatModel(Process process, WorkerOptions options, String name) {
        this.process = process;
        this.options = options;
        this.name = name;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderr = new StderrTail(process.getErrorStream(), options.logFile(), name,
                options.nativeLog() && options.logFile() == null);
        Thread reader = new Thread(this::readLoop, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(this::onExit);
    }

    /**
     * Starts a worker, loads the model in it and waits until it is ready.
     *
     * @throws GenerationException LOAD_FAILED (bad file, unsupported model), WORKER_CRASHED (native
     *                             abort while loading, e.g. a chat template llama.cpp cannot
     *                             apply) or TIMEOUT; the worker is gone in every case
     */
    public static WorkerChatModel start(ModelConfig config, WorkerOptions options) throws GenerationException {
        String name = "mhbench-worker-" + WORKERS.incrementAndGet();
        Process process;
        try {
            // OpenMP's wait policy is left to libgomp (spin a while, then sleep) unless the user sets
            // OMP_WAIT_POLICY: with the model loaded on a thread that exits (LlamaCppChatModel), the decode
            // team is the only one, and its barriers must spin. Measured on 2 cores, tg at 2 threads:
            // 112 tok/s with libgomp's default, 96 ACTIVE, 39 PASSIVE (the default before).
            ProcessBuilder pb = new ProcessBuilder(command(options));
            process = pb.start();
        } catch (IOException e) {
            throw new GenerationException(Kind.LOAD_FAILED, "cannot start a worker JVM: " + e.getMessage(), true, e);
        }
        WorkerChatModel worker = new WorkerChatModel(process, options, name);
        try {
            worker.send(WorkerMessage.load(config));
            WorkerMessage answer = worker.await(worker.ready, options.loadTimeout().toMillis(), "loading the model");
            if ("error".equals(answer.type())) {
                worker.kill();
                throw new GenerationException(kindOf(answer.kind()), answer.message(), true);
            }
            worker.info = answer.info();
            return worker;
        } catch (GenerationException e) {
            worker.kill();
            throw e;
        }
    }

    static List<String> command(WorkerOptions options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The heap holds only messages; the model lives in native memory.
        cmd.add("-Xmx512m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dmhbench.native.log=" + options.nativeLog());
        cmd.addAll(options.jvmArgs());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        return cmd;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Completion complete(ChatRequest request) throws GenerationException {
        WorkerMessage answer = call(id -> WorkerMessage.complete(id, request), "generating");
        return answer.completion();
    }

    @Override
    public String render(List<ChatMessage> messages) throws GenerationException {
        return call(id -> WorkerMessage.render(id, messages), "rendering the chat template").text();
    }

    private WorkerMessage call(java.util.function.LongFunction<WorkerMessage> make, String what)
            throws GenerationException {
        GenerationException dead = death;
        if (dead != null) {
            throw dead;
        }
        long id = ids.incrementAndGet();
        CompletableFuture<WorkerMessage> future = new CompletableFuture<>();
        pending.put(id, future);
        try {
            send(make.apply(id));
            WorkerMessage answer = await(future, options.requestTimeout().toMillis(), what);
            if ("error".equals(answer.type())) {
                throw new GenerationException(kindOf(answer.kind()), answer.message(), Boolean.TRUE.equals(answer.fatal()));
            }
            return answer;
        } finally {
            pending.remove(id);
        }
    }

    private WorkerMessage await(CompletableFuture<WorkerMessage> future, long millis, String what)
            throws GenerationException {
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            GenerationException timeout = new GenerationException(Kind.TIMEOUT,
                    "no answer after " + millis / 1000 + " s while " + what + "; the worker was stopped", true);
            death = timeout;
            kill();
            throw timeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.BACKEND, "interrupted while " + what, false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GenerationException g) {
                throw g;
            }
            throw new GenerationException(Kind.BACKEND, String.valueOf(e.getCause()), false, e.getCause());
        }
    }

    private synchronized void send(WorkerMessage message) throws GenerationException {
        try {
            stdin.write(Json.MAPPER.writeValueAsString(message));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            GenerationException dead = death;
            throw dead != null ? dead
                    : new GenerationException(Kind.WORKER_CRASHED, "the worker is not accepting requests: "
                    + e.getMessage(), true, e);
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int at = line.indexOf(WorkerMessage.PREFIX);
                if (at < 0) {
                    continue; // native code printed to stdout: not ours
                }
                WorkerMessage msg = Json.MAPPER.readValue(line.substring(at + WorkerMessage.PREFIX.length()),
                        WorkerMessage.class);
                if (msg.id() == 0) {
                    ready.complete(msg);
                } else {
                    CompletableFuture<WorkerMessage> f = pending.get(msg.id());
                    if (f != null) {
                        f.complete(msg);
                    }
                }
            }
        } catch (IOException e) {
            // the process is going away; onExit reports it
        }
    }

    private void onExit() {
        int code = process.exitValue();
        GenerationException dead = death;
        if (dead == null) {
            dead = new GenerationException(Kind.WORKER_CRASHED, describeExit(code), true);
            death = dead;
        }
        ready.completeExceptionally(dead);
        for (CompletableFuture<WorkerMessage> f : pending.values()) {
            f.completeExceptionally(dead);
        }
    }

    private String describeExit(int code) {
        // Give the stderr drain a moment to catch the last lines.
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = switch (code) {
            case 0 -> "the worker exited";
            case 134 -> "the worker aborted inside llama.cpp (exit 134, SIGABRT); a chat template llama.cpp cannot"
                    + " apply does this";
            case 137 -> "the worker was killed (exit 137, SIGKILL), often by the out-of-memory killer";
            case 139 -> "the worker crashed inside native code (exit 139, SIGSEGV)";
            default -> "the worker exited with status " + code;
        };
        String tail = stderr.summary(3);
        return tail.isEmpty() ? why : why + "; last output: " + tail;
    }

    private static Kind kindOf(String name) {
        try {
            return name == null ? Kind.BACKEND : Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Kind.BACKEND;
        }
    }

    /** The worker's process id, for logs. */
    public long pid() {
        return process.pid();
    }

    /** True while the worker process runs. */
    public boolean alive() {
        return process.isAlive();
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Asks the worker to finish what it has and exit; kills it if it has not within 10 seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send(WorkerMessage.shutdown());
                stdin.close();
            } catch (GenerationException | IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
        if (death == null) {
            death = new GenerationException(Kind.BACKEND, "model is closed", true);
        }
    }

    @Override
    public String toString() {
        return name + "[" + (info == null ? "loading" : info.label()) + "]";
    }
}
