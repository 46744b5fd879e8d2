package org.mhbench.generate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException.Kind;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelFile;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.PromptCacheEstimate;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.StopRule;
import org.mhbench.generate.TemplateEngine;
import org.mhbench.generate.http.ChatJson;
import org.mhbench.generate.http.JsonHttp;
import org.mhbench.generate.worker.StderrTail;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * A {@link ChatModel} served by a llama-server child process started for it: bound to 127.0.0.1 on a
 * port the server picks, with a random API key passed in its environment, driven through llama.cpp's
 * native API ({@code /apply-template}, {@code /tokenize}, {@code /completion}).
 *
 * <p>Requests mirror the in-process backend: the conversation is rendered by the server's chat
 * template (Jinja by default), a BOS the template writes itself is dropped as there, the prompt is
 * tokenized with BOS and must fit the slot's context with its token cap, and the completion uses the
 * same sampling fields, seed, stop strings, grammar and prompt cache. Unlike the binding, the server
 * reports token probabilities.
 *
 * <p>The server dies with mhbench: it runs under a small shell guard that holds a pipe from this
 * process and kills the server when the pipe closes, which happens on {@link #close()}, on Ctrl-C, and
 * when mhbench is killed outright. A server that dies mid-run fails the requests in flight and later
 * ones with {@link GenerationException#fatal()} set, as a dead worker does.
 *
 * <p>Thread-safe: with {@code parallelSlots > 1} several threads may call {@link #complete} at once
 * and the server batches them.
 */
public final class LlamaServerChatModel implements ChatModel {

    /** The backend id recorded with every model this class serves. */
    public static final String BACKEND_ID = "llama-server";

    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^\\s]*:(\\d+)");
    private static final AtomicLong SERVERS = new AtomicLong();
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mhbench-llama-server-watchdog");
                t.setDaemon(true);
                return t;
            });
    /**
     * Runs the server and kills it when standard input (a pipe from mhbench) reaches its end, or when
     * the guard itself is told to stop. $1 is the executable, the rest its arguments.
     */
    private static final String GUARD = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null 3<&- &",
            "c=$!",
            "trap 'kill -TERM \"$c\" 2>/dev/null' TERM INT HUP",
            "( while read -r _ <&3; do :; done; kill -TERM \"$c\" 2>/dev/null; i=0;",
            "  while kill -0 \"$c\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done;",
            "  kill -KILL \"$c\" 2>/dev/null ) &",
            "w=$!",
            "exec 3<&-",
            "wait \"$c\"; rc=$?",
            "while kill -0 \"$c\" 2>/dev/null; do wait \"$c\"; rc=$?; done",
            "kill \"$w\" 2>/dev/null",
            "exit $rc");

    private final Process process;
    private final StderrTail log;
    private final JsonHttp http;
    private final ModelFile file;
    private final int slotContext;
    private final Duration requestTimeout;
    private final Path templateFile;
    private final String key;
    private volatile ModelInfo info;
    private volatile GenerationException death;
    private volatile boolean closing;
    private final PromptCacheEstimate cacheEstimate = new PromptCacheEstimate();

    private LlamaServerChatModel(Process process, StderrTail log, JsonHttp http, String key, ModelFile file,
                                 int slotContext, Duration requestTimeout, Path templateFile) {
        this.key = key;
        this.process = process;
        this.log = log;
        this.http = http;
        this.file = file;
        this.slotContext = slotContext;
        this.requestTimeout = requestTimeout;
        this.templateFile = templateFile;
        process.onExit().thenRun(this::onExit);
    }

    /**
     * Starts a llama-server for {@code config}'s model and waits until it is healthy.
     *
     * @param logFile where the server's log goes (appended), or {@code null} to keep only its last lines
     * @throws GenerationException LOAD_FAILED (bad file, unsupported architecture, server refused the
     *                             options), TIMEOUT; nothing is left running in any case
     */
    public static LlamaServerChatModel start(LlamaServerBinary binary, ModelConfig config, Duration loadTimeout,
                                             Duration requestTimeout, Path logFile, boolean echoLog)
            throws GenerationException {
        ModelFile file = ModelFile.open(config);
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        Path templateFile = null;
        if (config.chatTemplate() != null) {
            try {
                templateFile = Files.createTempFile("mhbench-template-", ".jinja");
                PrivateFiles.file(templateFile);
                Files.writeString(templateFile, config.chatTemplate(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GenerationException(Kind.LOAD_FAILED, "cannot write the chat template for llama-server: "
                        + e.getMessage(), true, e);
            }
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, "mhbench-llama-server"));
        cmd.addAll(arguments(binary, config, file, templateFile));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LLAMA_API_KEY", key);
        // Arguments are the whole configuration: no LLAMA_ARG_* from the user's shell may change it.
        pb.environment().keySet().removeIf(k -> k.startsWith("LLAMA_ARG_"));
        String name = "mhbench-llama-server-" + SERVERS.incrementAndGet();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            deleteQuietly(templateFile);
            throw new GenerationException(Kind.LOAD_FAILED, "cannot start " + binary.path() + ": " + e.getMessage(),
                    true, e);
        }
        StderrTail tail = new StderrTail(process.getInputStream(), logFile, name, echoLog, line -> {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
            }
        });
        long t0 = System.nanoTime();
        LlamaServerChatModel model = null;
        try {
            int p = awaitPort(process, port, tail, loadTimeout, binary);
            JsonHttp http = new JsonHttp(URI.create("http://127.0.0.1:" + p), key);
            model = new LlamaServerChatModel(process, tail, http, key, file, file.context() / config.parallelSlots(),
                    requestTimeout, templateFile);
            model.awaitHealthy(loadTimeout.minusNanos(System.nanoTime() - t0));
            double loadMillis = (System.nanoTime() - t0) / 1e6;
            model.info = file.info(config, model.renderUnchecked(ModelFile.PROBE), BACKEND_ID, binary.version(),
                    loadMillis);
            return model;
        } catch (GenerationException e) {
            if (model != null) {
                model.close();
            } else {
                kill(process);
                deleteQuietly(templateFile);
            }
            throw e;
        }
    }

    static List<String> arguments(LlamaServerBinary binary, ModelConfig config, ModelFile file, Path templateFile) {
        List<String> a = new ArrayList<>(List.of(binary.path().toString(),
                "--model", file.path().toString(),
                "--host", "127.0.0.1", "--port", "0",
                "--threads", String.valueOf(config.effectiveThreads()),
                "--threads-batch", String.valueOf(config.effectiveThreads()),
                "--ctx-size", String.valueOf(file.context()),
                "--parallel", String.valueOf(config.parallelSlots()),
                "--n-gpu-layers", String.valueOf(config.gpuLayers()),
                // As the in-process backend: a prompt that does not fit fails, and the context and
                // offload are exactly what was asked (no automatic fitting to device memory).
                "--no-context-shift", "--fit", "off",
                "--no-webui"));
        a.add(config.templateEngine() == TemplateEngine.JINJA ? "--jinja" : "--no-jinja");
        if (templateFile != null) {
            a.add("--chat-template-file");
            a.add(templateFile.toString());
        }
        return a;
    }

    private static int awaitPort(Process process, CompletableFuture<Integer> port, StderrTail tail, Duration timeout,
                                 LlamaServerBinary binary) throws GenerationException {
        process.onExit().thenRun(() -> port.completeExceptionally(new IllegalStateException("exited")));
        try {
            return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new GenerationException(Kind.TIMEOUT, "llama-server did not start listening within "
                    + timeout.toSeconds() + " s; last output: " + tail.summary(3), true);
        } catch (java.util.concurrent.ExecutionException e) {
            sleepQuietly(100); // let the log drain catch the last lines
            throw new GenerationException(Kind.LOAD_FAILED, "llama-server (" + binary.version() + ") exited while "
                    + "loading the model: " + reason(tail), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.LOAD_FAILED, "interrupted while llama-server was starting", true, e);
        }
    }

    /** The server's own words for a failed load: its error lines, or its last lines. */
    private static String reason(StderrTail tail) {
        String all = tail.summary(40);
        List<String> errors = new ArrayList<>();
        for (String line : all.split(" \\| ")) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.contains("error") || l.contains("unknown model architecture") || l.contains("failed")) {
                errors.add(line.strip());
            }
        }
        return errors.isEmpty() ? tail.summary(3) : String.join(" | ", errors.subList(Math.max(0, errors.size() - 3),
                errors.size()));
    }

    private void awaitHealthy(Duration timeout) throws GenerationException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            if (!process.isAlive()) {
                sleepQuietly(100);
                throw new GenerationException(Kind.LOAD_FAILED, "llama-server exited while loading the model: "
                        + reason(log), true);
            }
            try {
                if (http.get("/health", Duration.ofSeconds(5)).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not accepting yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationException(Kind.LOAD_FAILED, "interrupted while llama-server was loading", true, e);
            }
            if (System.nanoTime() > deadline) {
                throw new GenerationException(Kind.TIMEOUT, "llama-server did not become healthy in time; last "
                        + "output: " + log.summary(3), true);
            }
            sleepQuietly(50);
        }
    }

    @Override
    public boolean reportsLogprobs() {
        return true;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public String render(List<ChatMessage> messages) throws GenerationException {
        ensureAlive();
        return renderUnchecked(messages);
    }

    private String renderUnchecked(List<ChatMessage> messages) throws GenerationException {
        for (int i = 1; i < messages.size(); i++) {
            if (messages.get(i).role() == org.mhbench.generate.Role.SYSTEM) {
                throw new GenerationException(Kind.TEMPLATE, "a system message may only come first", false);
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ChatJson.putMessages(body, messages);
        JsonNode answer = post("/apply-template", body, "rendering the chat template", Kind.TEMPLATE);
        return file.stripBos(answer.path("prompt").asText());
    }

    /** The prompt's tokens as the server will evaluate them (BOS added where the tokenizer adds one). */
    public int[] tokenize(String prompt) throws GenerationException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("content", prompt).put("add_special", true)
                .put("parse_special", true);
        JsonNode tokens = post("/tokenize", body, "tokenizing", Kind.BACKEND).path("tokens");
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).asInt();
        }
        return out;
    }

    @Override
    public Completion complete(ChatRequest request) throws GenerationException {
        ensureAlive();
        long start = System.nanoTime();
        int[] tokens = tokenize(render(request.messages()));
        SamplingSettings s = request.sampling();
        if (tokens.length + s.maxTokens() > slotContext) {
            throw new GenerationException(Kind.CONTEXT_OVERFLOW, "prompt of " + tokens.length + " tokens + "
                    + s.maxTokens() + " max new tokens exceeds the " + slotContext + "-token context of a slot", false);
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode prompt = body.putArray("prompt");
        for (int t : tokens) {
            prompt.add(t);
        }
        body.put("n_predict", s.maxTokens()).put("temperature", s.temperature()).put("seed", s.seed())
                .put("cache_prompt", true).put("stream", false);
        if (!s.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stop().forEach(stop::add);
        }
        if (s.grammar() != null) {
            body.put("grammar", s.grammar());
        }
        if (request.topLogprobs() > 0) {
            body.put("n_probs", request.topLogprobs());
        } else if (s.stopRule() != null) {
            return streamUntilDecided(body, s.stopRule(), tokens, start);
        }
        if (info != null && info.parallelSlots() == 1) {
            cacheEstimate.next(tokens); // keep the estimate's view of the slot for later streamed requests
        }
        JsonNode r = post("/completion", body, "generating", Kind.BACKEND);
        JsonNode timings = r.path("timings");
        int generated = timings.path("predicted_n").asInt(0);
        double promptMs = timings.path("prompt_ms").asDouble(0);
        double genMs = timings.path("predicted_ms").asDouble(0);
        if (promptMs == 0 && genMs == 0) {
            promptMs = (System.nanoTime() - start) / 1e6;
        }
        Completion.FinishReason reason = "limit".equals(r.path("stop_type").asText())
                ? Completion.FinishReason.LENGTH : Completion.FinishReason.STOP;
        // timings.cache_n: prompt tokens taken from the slot's cache (tokens_cached is the slot's whole length).
        JsonNode cached = timings.path("cache_n");
        return new Completion(r.path("content").asText(), tokens.length, generated, reason, promptMs, genMs,
                ChatJson.logprobs(r.path("completion_probabilities")), cached.isNumber() ? cached.asInt() : null);
    }

    /**
     * Streams the completion and hangs up once {@code rule} finds the answer decided (the server cancels
     * the rest); timings are then taken here, from request to first token and from first to last token.
     */
    private Completion streamUntilDecided(ObjectNode body, StopRule rule, int[] prompt, long start)
            throws GenerationException {
        int promptTokens = prompt.length;
        // A hung-up stream brings no timings: the cache is estimated (one slot only; the estimate matched
        // the server's own figure exactly on full answers).
        Integer cachedEstimate = info != null && info.parallelSlots() == 1 ? cacheEstimate.next(prompt) : null;
        body.put("stream", true);
        StringBuilder text = new StringBuilder();
        long first = -1;
        long last = start;
        int generated = 0;
        JsonNode end = null;
        boolean decided = false;
        java.net.http.HttpResponse<java.util.stream.Stream<String>> r;
        try {
            r = http.postLines("/completion", body, requestTimeout);
        } catch (java.net.http.HttpTimeoutException e) {
            GenerationException timeout = new GenerationException(Kind.TIMEOUT, "no answer after "
                    + requestTimeout.toSeconds() + " s while generating; llama-server was stopped", true);
            death = timeout;
            kill(process);
            throw timeout;
        } catch (IOException e) {
            sleepQuietly(200);
            GenerationException dead = death;
            throw dead != null ? dead : new GenerationException(Kind.WORKER_CRASHED, "llama-server did not answer"
                    + " while generating: " + e.getMessage(), !process.isAlive(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.BACKEND, "interrupted while generating", false, e);
        }
        // The request timeout covers the response's start only; a server that stalls mid-stream is stopped
        // by this watchdog, which ends the stream with an error.
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            death = new GenerationException(Kind.TIMEOUT, "no complete answer after " + requestTimeout.toSeconds()
                    + " s while generating; llama-server was stopped", true);
            kill(process);
        }, requestTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (java.util.stream.Stream<String> lines = r.body()) {
            if (r.statusCode() != 200) {
                String all = String.join("\n", lines.toList());
                throw new GenerationException(Kind.BACKEND, "llama-server answered " + r.statusCode()
                        + " while generating: " + all, false);
            }
            for (java.util.Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (!line.startsWith("data: ")) {
                    continue;
                }
                JsonNode event = Json.LENIENT.readTree(line.substring(6));
                String piece = event.path("content").asText("");
                if (!piece.isEmpty() || !event.path("stop").asBoolean(false)) {
                    long now = System.nanoTime();
                    if (first < 0) {
                        first = now;
                    }
                    last = now;
                    generated++;
                    text.append(piece);
                }
                if (event.path("stop").asBoolean(false)) {
                    end = event;
                    break;
                }
                if (rule.decided(text.toString())) {
                    decided = true;
                    break; // closing the stream hangs up; the server stops this slot
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            sleepQuietly(200);
            GenerationException dead = death;
            throw dead != null ? dead : new GenerationException(Kind.WORKER_CRASHED, "llama-server stopped while "
                    + "generating: " + e.getMessage(), !process.isAlive(), e);
        } finally {
            watchdog.cancel(false);
        }
        if (end != null) {
            JsonNode timings = end.path("timings");
            JsonNode cached = timings.path("cache_n");
            Completion.FinishReason reason = "limit".equals(end.path("stop_type").asText())
                    ? Completion.FinishReason.LENGTH : Completion.FinishReason.STOP;
            return new Completion(text.toString(), promptTokens, timings.path("predicted_n").asInt(generated), reason,
                    timings.path("prompt_ms").asDouble((first < 0 ? last - start : first - start) / 1e6),
                    timings.path("predicted_ms").asDouble(first < 0 ? 0 : (last - first) / 1e6), List.of(),
                    cached.isNumber() ? cached.asInt() : null);
        }
        return new Completion(text.toString(), promptTokens, generated, decided ? Completion.FinishReason.DECIDED
                : Completion.FinishReason.STOP, ((first < 0 ? last : first) - start) / 1e6,
                first < 0 ? 0 : (last - first) / 1e6, List.of(), cachedEstimate);
    }

    private JsonNode post(String path, JsonNode body, String what, Kind kind) throws GenerationException {
        JsonHttp.Response r;
        try {
            r = http.post(path, body, requestTimeout);
        } catch (java.net.http.HttpTimeoutException e) {
            GenerationException timeout = new GenerationException(Kind.TIMEOUT, "no answer after "
                    + requestTimeout.toSeconds() + " s while " + what + "; llama-server was stopped", true);
            death = timeout;
            kill(process);
            throw timeout;
        } catch (IOException e) {
            sleepQuietly(200); // a server that died: let onExit record why
            GenerationException dead = death;
            throw dead != null ? dead : new GenerationException(Kind.WORKER_CRASHED, "llama-server did not answer"
                    + " while " + what + ": " + e.getMessage(), !process.isAlive(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.BACKEND, "interrupted while " + what, false, e);
        }
        JsonNode json = r.json();
        if (r.statusCode() != 200) {
            JsonNode err = json.path("error");
            String type = err.path("type").asText("");
            String message = err.path("message").asText(r.body());
            throw new GenerationException("exceed_context_size_error".equals(type) ? Kind.CONTEXT_OVERFLOW : kind,
                    "llama-server answered " + r.statusCode() + " while " + what + ": " + message, false);
        }
        return json;
    }

    private void ensureAlive() throws GenerationException {
        GenerationException dead = death;
        if (dead != null) {
            throw dead;
        }
    }

    private void onExit() {
        if (death == null) {
            sleepQuietly(100);
            int code = process.exitValue();
            death = closing ? new GenerationException(Kind.BACKEND, "model is closed", true)
                    : new GenerationException(Kind.WORKER_CRASHED, "llama-server exited (status " + code + ")"
                    + (code == 137 || code == 9 ? ", killed (SIGKILL), often by the out-of-memory killer" : "")
                    + "; last output: " + log.summary(3), true);
        }
    }

    /** The server's process id (its guard's descendants include the llama-server itself). */
    public long pid() {
        return process.pid();
    }

    /** The llama-server process, while it runs. */
    public java.util.Optional<ProcessHandle> serverProcess() {
        return process.descendants().findFirst();
    }

    /** The port the server listens on. */
    public int port() {
        return http.base().getPort();
    }

    /** The server's API key, for clients of this server that mhbench itself runs (e.g. a benchmark). */
    public String apiKey() {
        return key;
    }

    /** True while the server runs. */
    public boolean alive() {
        return process.isAlive();
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its temporary files. */
    @Override
    public void close() {
        closing = true;
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill(process);
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill(process);
            }
        }
        if (death == null) {
            death = new GenerationException(Kind.BACKEND, "model is closed", true);
        }
        deleteQuietly(templateFile);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temp file; the OS cleans it eventually
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "llama-server[" + (info == null ? "loading" : info.label()) + "]";
    }
}
