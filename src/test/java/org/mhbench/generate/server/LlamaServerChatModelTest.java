package org.mhbench.generate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.TokenLogprob;

/**
 * The llama-server backend end to end on the tiny random-weight model: loading, templating,
 * deterministic generation, caps, grammar, probabilities, parallel slots, loopback-only and keyed
 * access, and a server that dies or is closed leaving nothing behind.
 */
class LlamaServerChatModelTest {

    static LlamaServerBinary binary;
    static LlamaServerChatModel model;

    @BeforeAll
    static void start() throws GenerationException {
        binary = TestFixtures.llamaServer();
        model = start(ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(1024)
                .withParallelSlots(2));
    }

    static LlamaServerChatModel start(ModelConfig config) throws GenerationException {
        return LlamaServerChatModel.start(binary, config, Duration.ofMinutes(2), Duration.ofMinutes(2), null, false);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    static ChatRequest ask(String text, int maxTokens) {
        return new ChatRequest(List.of(ChatMessage.system("Be brief."), ChatMessage.user(text)),
                SamplingSettings.greedy(maxTokens, 0));
    }

    @Test
    void reportsWhatWasLoaded() {
        ModelInfo info = model.info();
        assertEquals("llama-server", info.backend());
        assertEquals(binary.version(), info.bindingVersion());
        assertEquals("llama", info.architecture());
        assertEquals("chatml", info.templateFamily());
        assertFalse(info.templateFallback());
        assertEquals(1024, info.contextSize());
        assertEquals(2, info.parallelSlots());
        assertEquals(64, info.sha256().length());
    }

    @Test
    void greedyGenerationRepeatsItselfAndHonoursTheCap() throws GenerationException {
        Completion a = model.complete(ask("How are you today?", 8));
        Completion b = model.complete(ask("How are you today?", 8));
        assertEquals(a.text(), b.text());
        assertEquals(8, a.completionTokens());
        assertEquals(Completion.FinishReason.LENGTH, a.finishReason());
        assertTrue(a.promptTokens() > 10, "the templated prompt is counted: " + a.promptTokens());
        assertFalse(a.text().isEmpty());
    }

    @Test
    void rendersWithTheModelsTemplate() throws GenerationException {
        String prompt = model.render(List.of(ChatMessage.system("S"), ChatMessage.user("U")));
        assertTrue(prompt.contains("<|im_start|>system\nS<|im_end|>"), prompt);
        assertTrue(prompt.endsWith("<|im_start|>assistant\n"), prompt);
    }

    @Test
    void grammarConstrainsTheAnswer() throws GenerationException {
        SamplingSettings s = SamplingSettings.greedy(4, 0).withGrammar("root ::= \"yes\" | \"no\"");
        Completion c = model.complete(new ChatRequest(List.of(ChatMessage.user("Yes or no?")), s));
        assertTrue(List.of("yes", "no").contains(c.text()), c.text());
    }

    @Test
    void reportsTokenProbabilitiesOfTheGreedyPath() throws GenerationException {
        Completion c = model.complete(new ChatRequest(ask("Say something", 5).messages(),
                SamplingSettings.greedy(5, 0), 5));
        assertEquals(5, c.logprobs().size());
        for (TokenLogprob step : c.logprobs()) {
            assertEquals(5, step.top().size());
            assertEquals(step.token(), step.top().get(0).token(), "greedy takes the most likely token");
            assertTrue(step.top().get(0).logprob() >= step.top().get(4).logprob());
            assertTrue(step.logprob() <= 0);
        }
        String joined = String.join("", c.logprobs().stream().map(TokenLogprob::token).toList());
        assertEquals(c.text(), joined);
    }

    @Test
    void anLlmJudgeOnTheServerReadsProbabilities() {
        var judge = new org.mhbench.judge.llm.LlmJudge(model, false,
                new org.mhbench.judge.llm.JudgePrompt("Answer with the letter only."), 3, java.util.Map.of());
        assertEquals(org.mhbench.judge.llm.LlmJudge.VERSION_CALIBRATED, judge.info().version());
        assertEquals("llama-server", judge.info().details().get("backend"));
        var v = judge.judge(new org.mhbench.judge.JudgeInput("r1", "bridge", "Does the response name a bridge?",
                "Which bridges are tall?", "The Golden Gate."));
        assertTrue(v.pYes() >= 0 && v.pYes() <= 1);
    }

    @Test
    void aPromptTooLongFailsThatItemOnly() throws GenerationException {
        String huge = "word ".repeat(3000);
        GenerationException e = assertThrows(GenerationException.class, () -> model.complete(ask(huge, 4)));
        assertEquals(GenerationException.Kind.CONTEXT_OVERFLOW, e.kind());
        assertFalse(e.fatal());
        assertEquals(4, model.complete(ask("still there?", 4)).completionTokens());
    }

    @Test
    void servesParallelRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Completion> a = pool.submit(() -> model.complete(ask("first", 6)));
            Future<Completion> b = pool.submit(() -> model.complete(ask("second", 6)));
            assertEquals(6, a.get().completionTokens());
            assertEquals(6, b.get().completionTokens());
            assertEquals(model.complete(ask("first", 6)).text(), a.get().text(), "batched = alone");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listensOnLoopbackOnlyAndRefusesRequestsWithoutTheKey() throws Exception {
        int port = model.port();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<String> listening = Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                .filter(l -> l.contains(hexPort + " 00000000:0000 0A")).toList();
        assertFalse(listening.isEmpty(), "a listening socket on port " + port);
        for (String l : listening) {
            assertTrue(l.trim().split("\\s+")[1].startsWith("0100007F:"), "bound to 127.0.0.1 only: " + l);
        }
        assertTrue(Files.readAllLines(Path.of("/proc/net/tcp6")).stream()
                .noneMatch(l -> l.contains(hexPort + " 00000000000000000000000000000000:0000 0A")), "no IPv6 socket");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/completion")).POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\",\"n_predict\":1}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/completion")).POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\",\"n_predict\":1}"))
                .header("Authorization", "Bearer not-the-key").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode(), wrong.body());
    }

    @Test
    void aServerKilledMidRunFailsLaterRequestsAsFatal() throws Exception {
        LlamaServerChatModel doomed = start(ModelConfig.of(TestFixtures.tinyModel()).withThreads(1)
                .withContextSize(512));
        try {
            ProcessHandle server = doomed.serverProcess().orElseThrow();
            int port = doomed.port();
            server.destroyForcibly();
            server.onExit().get();
            GenerationException e = assertThrows(GenerationException.class, () -> doomed.complete(ask("hello", 4)));
            assertTrue(e.fatal(), e.getMessage());
            assertEquals(GenerationException.Kind.WORKER_CRASHED, e.kind(), e.getMessage());
            assertFalse(accepts(port));
        } finally {
            doomed.close();
        }
        assertFalse(doomed.alive());
    }

    @Test
    void closeLeavesNoProcessAndNoPort() throws Exception {
        LlamaServerChatModel m = start(ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(512));
        ProcessHandle server = m.serverProcess().orElseThrow();
        int port = m.port();
        assertTrue(accepts(port));
        m.close();
        assertFalse(server.isAlive(), "llama-server is gone");
        assertFalse(m.alive(), "its guard is gone");
        assertFalse(accepts(port), "nothing listens on " + port);
        GenerationException e = assertThrows(GenerationException.class, () -> m.complete(ask("x", 2)));
        assertTrue(e.fatal());
    }

    @Test
    void loadsAnArchitectureNewerThanTheBinding() throws GenerationException {
        try (LlamaServerChatModel q = start(ModelConfig.of(TestFixtures.tinyQwen3Model()).withThreads(1)
                .withContextSize(512))) {
            assertEquals("qwen3", q.info().architecture());
            assertEquals(4, q.complete(ask("hello", 4)).completionTokens());
        }
    }

    @Test
    void aDamagedModelFailsToLoadWithTheServersReason(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.gguf");
        byte[] good = Files.readAllBytes(TestFixtures.tinyModel());
        Files.write(bad, java.util.Arrays.copyOf(good, good.length / 2)); // header intact, tensors cut off
        GenerationException e = assertThrows(GenerationException.class,
                () -> start(ModelConfig.of(bad).withThreads(1)));
        assertEquals(GenerationException.Kind.LOAD_FAILED, e.kind());
        assertNotEquals("", e.getMessage());
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
