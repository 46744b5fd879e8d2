package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.generate.server.LlamaServerBinary;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.util.Json;

/**
 * The server backend as a user meets it: {@code --backend server} for generate, a stigma run and a
 * responses run (with the same prompts as the in-process backend), a qwen3 model, the endpoint mode,
 * and no llama-server left behind after Ctrl-C or a SIGKILL of mhbench.
 */
class ServerBackendCliTest {

    static LlamaServerBinary binary;
    static String tiny;

    @BeforeAll
    static void find() {
        binary = TestFixtures.llamaServer();
        tiny = TestFixtures.tinyModel().toString();
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void generateOnTheServerShowsWhatItRendered() {
        CliRun r = run("generate", "--backend", "server", "--llama-server", binary.path().toString(), "-m", tiny,
                "-p", "Hello there", "--max-tokens", "6", "-t", "1", "--show-prompt", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("backend: llama-server"), r.err());
        assertTrue(r.err().contains("rendered by llama-server"), r.err());
        assertTrue(r.err().contains("<|im_start|>user\nHello there<|im_end|>"), r.err());
        assertTrue(r.out().contains("\"completionTokens\":6"), r.out());
    }

    @Test
    void aQwen3ModelRunsOnTheServerAndIsRefusedInProcess() {
        String qwen3 = TestFixtures.tinyQwen3Model().toString();
        CliRun ok = run("generate", "--backend", "server", "-m", qwen3, "-p", "Hi", "--max-tokens", "3", "-t", "1");
        assertEquals(0, ok.status(), ok.err());
        CliRun refused = run("generate", "--backend", "jni", "-m", qwen3, "-p", "Hi", "--max-tokens", "3");
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("'qwen3'") && refused.err().contains("--backend server"), refused.err());
    }

    @Test
    void stigmaAndResponsesRunsMatchTheInProcessBackendWherePossible(@TempDir Path tmp) throws IOException {
        Map<String, ResponseRecord> server = runBoth(tmp, "server");
        Map<String, ResponseRecord> jni = runBoth(tmp, "jni");
        assertEquals(jni.keySet(), server.keySet(), "the same items, the same record ids");
        int sameFirstWord = 0;
        for (var e : jni.entrySet()) {
            ResponseRecord a = e.getValue();
            ResponseRecord b = server.get(e.getKey());
            assertEquals(a.messages(), b.messages());
            assertEquals(a.completion().promptTokens(), b.completion().promptTokens(), e.getKey());
            if (firstWord(a.completion().text()).equals(firstWord(b.completion().text()))) {
                sameFirstWord++;
            }
        }
        assertTrue(sameFirstWord >= jni.size() * 8 / 10, sameFirstWord + " of " + jni.size() + " start alike");
        JsonNode manifest = Json.MAPPER.readTree(tmp.resolve("server").resolve("manifest.json").toFile());
        assertEquals("llama-server", manifest.path("binding").path("backend").asText());
        assertEquals(binary.sha256(), manifest.path("binding").path("sha256").asText());
        assertEquals("llama-server", manifest.path("models").path(0).path("backend").asText());
        assertEquals("llama-server", manifest.path("parameters").path("backend").asText());
    }

    private static Map<String, ResponseRecord> runBoth(Path tmp, String backend) throws IOException {
        Path dir = tmp.resolve(backend);
        CliRun stigma = run("run", "-e", "stigma,responses", "--backend", backend, "-m", tiny, "--label", "tiny",
                "-t", "1", "-c", "1024", "--limit", "12", "--max-tokens", "6", "--no-judge", "--no-score",
                "--system-prompt", "none", "--out", dir.toString());
        assertEquals(0, stigma.status(), stigma.err());
        return ResponseLog.read(dir.resolve("responses.jsonl")).stream()
                .collect(Collectors.toMap(ResponseRecord::id, r -> r));
    }

    private static String firstWord(String text) {
        String t = text.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    @Test
    void theEndpointModeTalksToAnOpenAiCompatibleServer(@TempDir Path tmp) throws Exception {
        // llama-server's own /v1 API stands in for vLLM or a remote llama-server.
        try (var served = org.mhbench.generate.server.LlamaServerChatModel.start(binary,
                org.mhbench.generate.ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(1024),
                Duration.ofMinutes(2), Duration.ofMinutes(2), null, false)) {
            var backend = new org.mhbench.generate.endpoint.EndpointBackend(
                    java.net.URI.create("http://127.0.0.1:" + served.port() + "/v1"), "TEST_KEY", served.apiKey(),
                    Duration.ofMinutes(1));
            try (var m = backend.start(new org.mhbench.generate.ModelConfig(Path.of("endpoint:remote"), "remote", 0, 0,
                    0, 1, null, org.mhbench.generate.TemplateEngine.JINJA), null)) {
                var c = m.complete(new org.mhbench.generate.ChatRequest(List.of(
                        org.mhbench.generate.ChatMessage.user("Hello")),
                        org.mhbench.generate.SamplingSettings.greedy(5, 0), 3));
                assertEquals(5, c.completionTokens());
                assertEquals(3, c.logprobs().get(0).top().size());
                assertEquals("endpoint", m.info().backend());
                assertEquals(64, m.info().sha256().length());
                var local = served.complete(new org.mhbench.generate.ChatRequest(List.of(
                        org.mhbench.generate.ChatMessage.user("Hello")),
                        org.mhbench.generate.SamplingSettings.greedy(5, 0)));
                assertEquals(local.text(), c.text(), "the same greedy reply through both APIs");
            }
            var noKey = new org.mhbench.generate.endpoint.EndpointBackend(
                    java.net.URI.create("http://127.0.0.1:" + served.port() + "/v1"), null, null, Duration.ofMinutes(1));
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.mhbench.generate.GenerationException.class,
                    () -> noKey.start(new org.mhbench.generate.ModelConfig(Path.of("endpoint:x"), "x", 0, 0, 0, 1,
                            null, org.mhbench.generate.TemplateEngine.JINJA), null));
            assertTrue(e.getMessage().contains("refused the API key"), e.getMessage());
        }
    }

    @Test
    void theEndpointModeRefusesAnythingButHttp() {
        for (String url : List.of("file:///etc/passwd", "ftp://host/v1", "localhost:8000", "http://user:pw@host/v1")) {
            CliRun r = run("generate", "--endpoint", url, "--label", "x", "-p", "hi");
            assertEquals(2, r.status(), url + ": " + r.err());
        }
        CliRun noLabel = run("generate", "--endpoint", "http://127.0.0.1:9/v1", "-p", "hi");
        assertEquals(2, noLabel.status(), noLabel.err());
        CliRun withModel = run("generate", "--endpoint", "http://127.0.0.1:9/v1", "--label", "x", "-m", tiny,
                "-p", "hi");
        assertEquals(2, withModel.status(), withModel.err());
        CliRun unsetKey = run("generate", "--endpoint", "http://127.0.0.1:9/v1", "--label", "x", "--api-key-env",
                "MHBENCH_TEST_SURELY_UNSET_VARIABLE", "-p", "hi");
        assertEquals(2, unsetKey.status(), unsetKey.err());
    }

    @Test
    void serverIsRequiredWhenAskedFor() {
        CliRun r = run("generate", "--backend", "server", "--llama-server", "/nonexistent/llama-server", "-m", tiny,
                "-p", "hi");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("not found"), r.err());
        assertEquals(2, run("generate", "--backend", "gpu", "-m", tiny, "-p", "hi").status());
    }

    @Test
    void noServerOutlivesMhbenchKilledWithSigkill(@TempDir Path tmp) throws Exception {
        Child c = startRun(tmp);
        ProcessHandle server = c.server();
        int port = c.port();
        c.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        c.process().waitFor(10, TimeUnit.SECONDS);
        assertTrue(server.onExit().get(20, TimeUnit.SECONDS) != null);
        assertFalse(server.isAlive(), "llama-server died with its parent");
        assertFalse(accepts(port));
    }

    @Test
    void ctrlCStopsTheServerAndMarksTheRunInterrupted(@TempDir Path tmp) throws Exception {
        Child c = startRun(tmp);
        ProcessHandle server = c.server();
        int port = c.port();
        new ProcessBuilder("kill", "-INT", String.valueOf(c.process().pid())).start().waitFor();
        assertTrue(c.process().waitFor(30, TimeUnit.SECONDS), "mhbench exits on Ctrl-C");
        server.onExit().get(20, TimeUnit.SECONDS);
        assertFalse(server.isAlive());
        assertFalse(accepts(port));
        JsonNode manifest = Json.MAPPER.readTree(c.dir().resolve("manifest.json").toFile());
        assertEquals("interrupted", manifest.path("status").asText());
    }

    record Child(Process process, Path dir, ProcessHandle server, int port) {
    }

    /** A long stigma run on the server backend in a child JVM, once its first reply is recorded. */
    private static Child startRun(Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "-e", "stigma",
                "--backend", "server", "--llama-server", binary.path().toString(), "-m", tiny, "-t", "1", "-c", "1024",
                "--no-score", "--out", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Path responses = dir.resolve("responses.jsonl");
        while (!(Files.isRegularFile(responses) && Files.size(responses) > 0)) {
            assertTrue(p.isAlive(), "the run died: " + Files.readString(tmp.resolve("log")));
            assertTrue(System.nanoTime() < deadline, "no reply within 90 s: " + Files.readString(tmp.resolve("log")));
            Thread.sleep(200);
        }
        ProcessHandle server = p.descendants().filter(h -> h.info().command().orElse("").endsWith("llama-server"))
                .findFirst().orElseThrow(() -> new AssertionError("no llama-server under the run"));
        int port = listeningPort(server.pid());
        return new Child(p, dir, server, port);
    }

    /** The TCP port a process listens on, from /proc (its socket inodes matched in /proc/net/tcp). */
    private static int listeningPort(long pid) throws IOException {
        List<String> inodes = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
            }
        }
        throw new AssertionError("llama-server " + pid + " listens on no TCP port");
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
