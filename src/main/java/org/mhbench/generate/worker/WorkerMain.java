package org.mhbench.generate.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.llamacpp.LlamaCppChatModel;
import org.mhbench.util.Json;

/**
 * Entry point of a worker process: loads one model, then serves requests read from stdin until
 * {@code shutdown} or end of input, answering on stdout (see {@link WorkerMessage}).
 *
 * <p>One model per process because the binding cannot unload a model (see
 * {@link LlamaCppChatModel}); the process ends with {@code halt} because the binding's native
 * threads keep the JVM alive after {@code main} returns.
 */
public final class WorkerMain {

    private final PrintStream out;

    private WorkerMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // Keep stdout for the protocol: anything else printed by Java code goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int status;
        try {
            status = new WorkerMain(protocol).serve();
        } catch (Throwable t) { // a worker must always answer and exit, whatever broke
            t.printStackTrace(System.err);
            status = 3;
        }
        protocol.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private int serve() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        WorkerMessage first = read(in.readLine());
        if (first == null || !"load".equals(first.type())) {
            send(WorkerMessage.error(0, GenerationException.Kind.BACKEND.name(), "expected a load message", true));
            return 2;
        }
        ChatModel model;
        try {
            model = LlamaCppChatModel.load(first.config());
        } catch (GenerationException e) {
            send(WorkerMessage.error(0, e.kind().name(), e.getMessage(), true));
            return 1;
        } catch (RuntimeException e) {
            send(WorkerMessage.error(0, GenerationException.Kind.LOAD_FAILED.name(), oneLine(e), true));
            return 1;
        }
        send(WorkerMessage.ready(model.info()));
        ExecutorService pool = Executors.newFixedThreadPool(first.config().parallelSlots());
        String line;
        while ((line = in.readLine()) != null) {
            WorkerMessage msg = read(line);
            if (msg == null) {
                continue;
            }
            if ("shutdown".equals(msg.type())) {
                break;
            }
            pool.execute(() -> handle(model, msg));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return 0;
    }

    private void handle(ChatModel model, WorkerMessage msg) {
        try {
            switch (msg.type()) {
                case "complete" -> send(WorkerMessage.result(msg.id(), model.complete(msg.request())));
                case "render" -> send(WorkerMessage.rendered(msg.id(), model.render(msg.messages())));
                default -> send(WorkerMessage.error(msg.id(), GenerationException.Kind.BACKEND.name(),
                        "unknown message type " + msg.type(), false));
            }
        } catch (GenerationException e) {
            send(WorkerMessage.error(msg.id(), e.kind().name(), e.getMessage(), e.fatal()));
        } catch (RuntimeException e) {
            send(WorkerMessage.error(msg.id(), GenerationException.Kind.BACKEND.name(), oneLine(e), false));
        }
    }

    private static WorkerMessage read(String line) throws Exception {
        if (line == null || line.isBlank()) {
            return null;
        }
        return Json.MAPPER.readValue(line, WorkerMessage.class);
    }

    private synchronized void send(WorkerMessage msg) {
        try {
            out.println(WorkerMessage.PREFIX + Json.MAPPER.writeValueAsString(msg));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a worker message", e);
        }
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }
}
