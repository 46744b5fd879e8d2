package org.mhbench.report.html;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.mhbench.util.Json;

/**
 * Headless Chromium driven over the DevTools protocol, as the browser tests need it: open a page at a
 * given window size, run script in it, take screenshots and a PDF, and record every network request
 * the page makes and every script error or console error it reports.
 *
 * <p>Started with no background networking, no component updates, no sync, a fresh profile, a proxy
 * that points nowhere and a host resolver that resolves nothing, so that a request the page should not
 * make fails instead of leaving the machine; {@code Network.requestWillBeSent} events still report it.
 * The protocol runs over a WebSocket on 127.0.0.1 ({@code --remote-debugging-port=0}, the port read from
 * the profile's {@code DevToolsActivePort}).
 *
 * <p>Found as {@code $MHBENCH_CHROMIUM}, else {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} on the {@code PATH}. Missing, the tests that need it are skipped on a developer's
 * machine but fail under CI ({@code CI=true}), whose {@code .ci/run} installs Debian's {@code chromium}.
 */
final class Chromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private Chromium(Process process) {
        this.process = process;
    }

    /** The browser, or a skipped test (a failed one under CI) when none is installed. */
    static Path require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String why = "no Chromium found (install Debian's 'chromium' package, or set MHBENCH_CHROMIUM)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ": .ci/run should have installed it");
            }
            assumeTrue(false, why + "; skipping the browser test");
        }
        return found.get();
    }

    static Optional<Path> find() {
        String env = System.getenv("MHBENCH_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Files.isExecutable(Path.of(env)) ? Optional.of(Path.of(env)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser with a fresh profile in {@code work} (its log goes there too). */
    static Chromium start(Path executable, Path work) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("profile"));
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--mute-audio", "--hide-scrollbars",
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
        pb.redirectErrorStream(true);
        pb.redirectOutput(work.resolve("chromium.log").toFile());
        Process process = pb.start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(work.resolve("chromium.log")));
            }
            if (Files.isRegularFile(portFile)) {
                lines = Files.readAllLines(portFile);
                if (lines.size() >= 2) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        if (lines.size() < 2) {
            process.destroyForcibly();
            throw new IOException("chromium did not open its DevTools port within " + TIMEOUT.toSeconds() + " s");
        }
        URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
        Chromium browser = new Chromium(process);
        try {
            browser.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, new Listener(browser)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to chromium's DevTools at " + uri + ": " + e, e);
        }
        return browser;
    }

    /** Collects a message's parts and hands whole messages on. */
    private static final class Listener implements WebSocket.Listener {
        private final Chromium owner;
        private final StringBuilder text = new StringBuilder();

        Listener(Chromium owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                owner.receive(message);
            }
            ws.request(1);
            return null;
        }
    }

    private void receive(String message) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(message);
        } catch (IOException e) {
            return;
        }
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
                f.complete(m);
            }
        } else {
            synchronized (events) {
                events.add(m);
                events.notifyAll();
            }
        }
    }

    /** Sends a command (to a page's session, or to the browser when {@code session} is null) and waits. */
    JsonNode send(String session, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("id", id);
        m.put("method", method);
        m.set("params", Json.MAPPER.valueToTree(params == null ? Map.of() : params));
        if (session != null) {
            m.put("sessionId", session);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            socket.sendText(m.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode r = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        }
    }

    /** Waits for an event matching {@code test}, received at index {@code from} or later; returns its index. */
    int await(int from, Predicate<JsonNode> test, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (events) {
            while (true) {
                for (int i = from; i < events.size(); i++) {
                    if (test.test(events.get(i))) {
                        return i;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("timed out waiting for " + what);
                }
                try {
                    events.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    List<JsonNode> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    int eventCount() {
        synchronized (events) {
            return events.size();
        }
    }

    /** Opens {@code url} in a new tab of {@code width} × {@code height} CSS pixels and waits for its load event. */
    Page open(String url, int width, int height) {
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        Page page = new Page(this, session, target);
        for (String domain : List.of("Page", "Runtime", "Network", "Log")) {
            send(session, domain + ".enable", Map.of());
        }
        page.resize(width, height);
        int from = eventCount();
        send(session, "Page.navigate", Map.of("url", url));
        await(from, e -> "Page.loadEventFired".equals(e.path("method").asText())
                && session.equals(e.path("sessionId").asText()), "the load of " + url);
        return page;
    }

    @Override
    public void close() {
        try {
            send(null, "Browser.close", Map.of());
        } catch (RuntimeException e) {
            // it may already be gone
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** One tab. */
    static final class Page {
        private final Chromium browser;
        private final String session;
        private final String target;

        Page(Chromium browser, String session, String target) {
            this.browser = browser;
            this.session = session;
            this.target = target;
        }

        void resize(int width, int height) {
            browser.send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
        }

        /** The value of a JavaScript expression (JSON-serializable), failing on a thrown error. */
        JsonNode eval(String expression) {
            JsonNode r = browser.send(session, "Runtime.evaluate", Map.of("expression", expression,
                    "returnByValue", true, "awaitPromise", true));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("script failed: " + expression + ": " + r.get("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        /** A PNG of the viewport, or of the whole page ({@code fullPage}). */
        byte[] screenshot(boolean fullPage) {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("format", "png"));
            if (fullPage) {
                JsonNode size = browser.send(session, "Page.getLayoutMetrics", Map.of()).path("cssContentSize");
                params.put("captureBeyondViewport", true);
                params.put("clip", Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
                        "height", size.path("height").asDouble(), "scale", 1));
            }
            return Base64.getDecoder().decode(browser.send(session, "Page.captureScreenshot", params).path("data")
                    .asText());
        }

        /** A PNG of a region of the page, in CSS pixels from its top left. */
        byte[] screenshot(double x, double y, double width, double height) {
            return Base64.getDecoder().decode(browser.send(session, "Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", x, "y", y, "width", width, "height", height,
                            "scale", 1))).path("data").asText());
        }

        /** The page printed to PDF (A4, backgrounds on), as a person's "print to PDF" would. */
        byte[] pdf() {
            return Base64.getDecoder().decode(browser.send(session, "Page.printToPDF", Map.of("printBackground", true,
                    "paperWidth", 8.27, "paperHeight", 11.69)).path("data").asText());
        }

        /** URLs of every request this tab has made. */
        List<String> requests() {
            return browser.events().stream().filter(e -> session.equals(e.path("sessionId").asText())
                            && "Network.requestWillBeSent".equals(e.path("method").asText()))
                    .map(e -> e.path("params").path("request").path("url").asText()).toList();
        }

        /** Uncaught script errors, console errors and browser log errors (e.g. a CSP violation) of this tab. */
        List<String> problems() {
            List<String> out = new ArrayList<>();
            for (JsonNode e : browser.events()) {
                if (!session.equals(e.path("sessionId").asText())) {
                    continue;
                }
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                if (method.equals("Runtime.exceptionThrown")) {
                    out.add("exception: " + p.path("exceptionDetails"));
                } else if (method.equals("Runtime.consoleAPICalled") && p.path("type").asText().equals("error")) {
                    out.add("console.error: " + p.path("args"));
                } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                    out.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                }
            }
            return out;
        }

        void close() {
            browser.send(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }
}
