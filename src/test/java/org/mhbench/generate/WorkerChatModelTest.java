package org.mhbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.generate.worker.WorkerChatModel;
import org.mhbench.generate.worker.WorkerOptions;

/**
 * The llama.cpp backend end to end, through a worker process, on the tiny random-weight model:
 * loading, templating, deterministic generation, token caps, parallel slots, and failures that
 * must cost a worker or an item but never the caller.
 */
class WorkerChatModelTest {

    static WorkerChatModel model;

    @BeforeAll
    static void load() throws GenerationException {
        model = WorkerChatModel.start(ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(1024)
                .withParallelSlots(2), WorkerOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static ChatRequest ask(String text, int maxTokens, long seed) {
        return new ChatRequest(List.of(ChatMessage.system("Be brief."), ChatMessage.user(text)),
                SamplingSettings.greedy(maxTokens, seed));
    }

    @Test
    void reportsWhatWasLoaded() {
        ModelInfo info = model.info();
        assertEquals("llama", info.architecture());
        assertEquals("gguf", info.templateSource());
        assertEquals("chatml", info.templateFamily());
        assertFalse(info.templateFallback());
        assertEquals(64, info.sha256().length());
        assertEquals(1024, info.contextSize());
        assertEquals(2, info.parallelSlots());
        assertTrue(info.parameters() > 1_000_000 && info.parameters() < 5_000_000, "tiny is 1-5 M parameters");
    }

    @Test
    void rendersWithTheModelsChatTemplate() throws GenerationException {
        String p = model.render(List.of(ChatMessage.system("S"), ChatMessage.user("U")));
        assertEquals("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n", p);
    }

    @Test
    void greedyGenerationIsDeterministicAndCapped() throws GenerationException {
        Completion a = model.complete(ask("How are you feeling today?", 12, 1));
        Completion b = model.complete(ask("How are you feeling today?", 12, 2));
        assertEquals(a.text(), b.text(), "temperature 0 ignores the seed");
        assertTrue(a.completionTokens() >= 1 && a.completionTokens() <= 12);
        assertTrue(a.promptTokens() > 10);
        if (a.completionTokens() == 12) {
            assertEquals(Completion.FinishReason.LENGTH, a.finishReason());
        }
        assertTrue(a.promptMillis() >= 0 && a.generationMillis() >= 0);
    }

    @Test
    void stopStringsEndGenerationBeforeThem() throws GenerationException {
        String free = model.complete(ask("Say something long.", 16, 0)).text();
        String[] words = free.trim().split("\\s+");
        org.junit.jupiter.api.Assumptions.assumeTrue(words.length >= 3, "needs a few words: " + free);
        String stop = " " + words[2];
        ChatRequest r = new ChatRequest(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say something long.")),
                new SamplingSettings(0, 16, 0, List.of(stop), null));
        Completion c = model.complete(r);
        assertEquals(free.substring(0, free.indexOf(stop)), c.text());
        assertEquals(Completion.FinishReason.STOP, c.finishReason());
    }

    @Test
    void sampledGenerationFollowsTheSeed() throws GenerationException {
        ChatRequest r1 = new ChatRequest(List.of(ChatMessage.user("Tell me a story.")),
                new SamplingSettings(1.0, 16, 7, List.of(), null));
        String first = model.complete(r1).text();
        assertEquals(first, model.complete(r1).text(), "same seed, same sample");
    }

    @Test
    void grammarConstrainsTheOutput() throws GenerationException {
        ChatRequest r = new ChatRequest(List.of(ChatMessage.user("Pick one.")),
                SamplingSettings.greedy(4, 0).withGrammar("root ::= [A-E]"));
        String text = model.complete(r).text();
        assertTrue(text.matches("[A-E]"), "got '" + text + "'");
    }

    @Test
    void parallelRequestsGetTheSameAnswersAsSerialOnes() throws Exception {
        List<String> prompts = List.of("one", "two two", "three three three", "four");
        List<String> serial = new ArrayList<>();
        for (String p : prompts) {
            serial.add(model.complete(ask(p, 8, 0)).text());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Completion>> fs = new ArrayList<>();
            for (String p : prompts) {
                fs.add(pool.submit(() -> model.complete(ask(p, 8, 0))));
            }
            for (int i = 0; i < prompts.size(); i++) {
                assertEquals(serial.get(i), fs.get(i).get().text(), prompts.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPromptLongerThanTheSlotIsAnItemFailureNotAWorkerFailure() throws GenerationException {
        String longText = "word ".repeat(2000);
        GenerationException e = assertThrows(GenerationException.class, () -> model.complete(ask(longText, 8, 0)));
        assertEquals(GenerationException.Kind.CONTEXT_OVERFLOW, e.kind());
        assertFalse(e.fatal());
        assertTrue(model.alive());
        assertTrue(model.complete(ask("still there?", 4, 0)).completionTokens() >= 1, "the worker still serves");
    }

    @Test
    void aDamagedFileFailsToLoadWithAReason(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.gguf");
        Files.write(bad, new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0});
        GenerationException e = assertThrows(GenerationException.class,
                () -> WorkerChatModel.start(ModelConfig.of(bad), WorkerOptions.defaults()));
        assertEquals(GenerationException.Kind.LOAD_FAILED, e.kind());
        assertTrue(e.getMessage().contains("bad.gguf"), e.getMessage());
    }

    @Test
    void aTemplateThatBreaksMidRunCostsOnlyTheWorker() throws Exception {
        // Renders fine for ordinary conversations (so llama.cpp accepts it at load time), then
        // raises for one message: inside applyTemplate that aborts the native process. (minja's
        // "in" is no substring test, hence the equality.)
        String template = "{% for message in messages %}"
                + "{% if message['content'] == 'BOOM' %}{{ raise_exception('boom') }}{% endif %}"
                + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
                + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
        ModelConfig cfg = ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(512)
                .withChatTemplate(template, TemplateEngine.JINJA);
        try (WorkerChatModel fragile = WorkerChatModel.start(cfg, WorkerOptions.defaults())) {
            assertEquals("override", fragile.info().templateSource());
            assertTrue(fragile.complete(ask("hello", 2, 0)).completionTokens() >= 1);
            GenerationException e = assertThrows(GenerationException.class, () -> fragile.complete(ask("BOOM", 2, 0)));
            assertTrue(e.fatal(), "the worker is gone: " + e.getMessage());
            assertEquals(GenerationException.Kind.WORKER_CRASHED, e.kind(), e.getMessage());
            assertThrows(GenerationException.class, () -> fragile.complete(ask("hello", 2, 0)));
        }
        assertTrue(model.alive(), "other workers are unaffected");
    }

    @Test
    void leavesNoNativeLibraryBehind(@TempDir Path tmp) throws Exception {
        // the binding extracts a 5.5 MB library per process; it used to stay in java.io.tmpdir forever
        WorkerOptions options = new WorkerOptions(WorkerOptions.defaults().loadTimeout(),
                WorkerOptions.defaults().requestTimeout(), null, List.of("-Djava.io.tmpdir=" + tmp), false);
        try (WorkerChatModel m = WorkerChatModel.start(ModelConfig.of(TestFixtures.tinyModel()).withThreads(1)
                .withContextSize(256), options)) {
            assertTrue(m.complete(ask("Hi", 2, 1)).completionTokens() >= 1);
            try (var files = Files.list(tmp)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("mhbench-native-"))
                        .toList(), "removed once the model is loaded");
            }
        }
    }
}
