package org.mhbench.testmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.generate.llamacpp.NativeLibrary;

/**
 * Loads the tiny test model in-process with llama.cpp (de.kherud:llama) and generates with it.
 *
 * <p>Binding hazards respected here: the native library is extracted to a private folder, removed once
 * loaded ({@link NativeLibrary}: the binding's loader deletes every {@code llama*}/{@code jllama*} file in
 * its folder at start-up); the model is loaded once
 * for the whole class and never closed, because {@code close()} frees nothing and any call after it hangs.
 */
class TestModelLlamaCppTest {

    @TempDir
    static Path dir;

    private static LlamaModel model;

    @BeforeAll
    static void loadTinyModel() throws IOException {
        NativeLibrary.prepare();
        Path file = TestModelWriter.write(dir.resolve("tiny.gguf"), TestModelSize.TINY, 42).path();
        model = new LlamaModel(new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(512)
                .setThreads(1)
                .setGpuLayers(0)
                .disableLog());
        NativeLibrary.loaded();
    }

    private static InferenceParameters greedy(String prompt) {
        return new InferenceParameters(prompt).setTemperature(0).setNPredict(16).setSeed(42);
    }

    @Test
    void greedyGenerationIsNonEmptyAndRepeatable() {
        String first = model.complete(greedy("Hello, how do you feel today?"));
        String second = model.complete(greedy("Hello, how do you feel today?"));
        assertFalse(first.isBlank(), "generated text: '" + first + "'");
        assertEquals(first, second);
    }

    @Test
    void chatTemplateIsChatMl() {
        String rendered = model.applyTemplate(new InferenceParameters("")
                .setMessages("You are x", List.of(new Pair<>("user", "hi"))));
        assertEquals("<|im_start|>system\nYou are x<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
                rendered);
        String reply = model.complete(greedy(rendered));
        assertFalse(reply.isBlank(), "reply to a templated prompt: '" + reply + "'");
    }

    @Test
    void tokeniserUsesByteFallbackAndControlTokens() {
        int[] newline = model.encode("\n");
        assertTrue(Arrays.stream(newline).anyMatch(id -> id == TestVocabulary.FIRST_BYTE_ID + '\n'),
                "newline should be the <0x0A> byte token: " + Arrays.toString(newline));
        assertArrayEquals(new int[] {TestVocabulary.IM_END_ID}, model.encode("<|im_end|>"));
        TestVocabulary vocabulary = TestVocabulary.build(TestModelSize.TINY.vocabSize());
        int the = vocabulary.id(TestVocabulary.SPACE + "the").orElseThrow();
        assertArrayEquals(new int[] {the}, model.encode("the"), "a word in the vocabulary is one token");
        assertEquals("hello there", model.decode(model.encode("hello there")).strip());
    }
}
