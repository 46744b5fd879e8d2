package org.mhbench.generate.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mhbench.Version;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelFile;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.PromptCacheEstimate;
import org.mhbench.generate.Role;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.TemplateEngine;

/**
 * {@link ChatModel} running llama.cpp in this process through de.kherud:llama 4.2.0.
 *
 * <p>Binding hazards this class is built around (all seen in 4.2.0):
 * <ul>
 *   <li>{@code close()} frees nothing and any call during or after it hangs forever, so a process
 *       loads one model and keeps it: {@link #close()} only marks this object closed. Run models in
 *       worker processes ({@code org.mhbench.generate.worker}) to load several.</li>
 *   <li>{@code complete()} ignores chat messages: the prompt is rendered with
 *       {@code applyTemplate} first, then completed as plain text.</li>
 *   <li>A template llama.cpp cannot apply aborts the process; one it cannot parse silently becomes
 *       ChatML. A probe conversation is rendered at load time and the result recorded.</li>
 *   <li>Without a token cap generation runs to the context size, so every request carries one.</li>
 * </ul>
 */
public final class LlamaCppChatModel implements ChatModel {

    /** The backend id recorded with every model this class loads. */
    public static final String BACKEND_ID = "llama.cpp-jni";
    /** The llama.cpp build inside de.kherud:llama 4.2.0. */
    public static final String LLAMA_CPP_BUILD = "b4916";

    /**
     * The model architectures llama.cpp b4916 (the build inside de.kherud:llama 4.2.0) can load, from
     * its {@code LLM_ARCH_NAMES}. Anything newer (qwen3, gemma3n, gpt-oss, llama4, …) is refused before
     * the native code sees it, with a pointer to the server backend.
     */
    public static final java.util.Set<String> KNOWN_ARCHITECTURES = java.util.Set.of(
            "llama", "deci", "falcon", "grok", "gpt2", "gptj", "gptneox", "mpt", "baichuan", "starcoder", "refact",
            "bert", "nomic-bert", "jina-bert-v2", "bloom", "stablelm", "qwen", "qwen2", "qwen2moe", "qwen2vl", "phi2",
            "phi3", "phimoe", "plamo", "codeshell", "orion", "internlm2", "minicpm", "minicpm3", "gemma", "gemma2",
            "gemma3", "starcoder2", "mamba", "xverse", "command-r", "cohere2", "dbrx", "olmo", "olmo2", "olmoe",
            "openelm", "arctic", "deepseek", "deepseek2", "chatglm", "bitnet", "t5", "t5encoder", "jais", "nemotron",
            "exaone", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "granite", "granitemoe", "chameleon",
            "wavtokenizer-dec");

    private final LlamaModel model;
    private final ModelInfo info;
    private final int slotContext;
    private final ModelFile file;
    private volatile boolean closed;
    private final PromptCacheEstimate cacheEstimate = new PromptCacheEstimate();

    private LlamaCppChatModel(LlamaModel model, ModelInfo info, int slotContext, ModelFile file) {
        this.model = model;
        this.info = info;
        this.slotContext = slotContext;
        this.file = file;
    }

    /**
     * Validates the file with our own GGUF reader, then loads it. At most one call per process
     * (see class comment).
     */
    public static LlamaCppChatModel load(ModelConfig config) throws GenerationException {
        java.util.Objects.requireNonNull(config, "config");
        ModelFile file = ModelFile.open(config);
        Path path = file.path();
        if (!KNOWN_ARCHITECTURES.contains(file.architecture())) {
            throw new GenerationException(GenerationException.Kind.LOAD_FAILED, "architecture '" + file.architecture()
                    + "' of " + path + " is newer than the in-process backend's llama.cpp (" + LLAMA_CPP_BUILD
                    + ", March 2025); run it with --backend server (build llama-server once with "
                    + "scripts/build-llama.sh)", true);
        }
        int context = file.context();

        NativeLibrary.prepare();
        ModelParameters params = new ModelParameters()
                .setModel(path.toString())
                .setThreads(config.effectiveThreads())
                .setThreadsBatch(config.effectiveThreads())
                .setCtxSize(context)
                .setParallel(config.parallelSlots())
                // A prompt that does not fit must fail, not lose its beginning silently.
                .disableContextShift();
        // --gpu-layers: the bundled library has no GPU backend; JniBackend says so where it is asked for.
        if (config.templateEngine() == TemplateEngine.JINJA) {
            params.enableJinja();
        }
        if (config.chatTemplate() != null) {
            params.setChatTemplate(config.chatTemplate());
        }
        if (!Boolean.getBoolean("mhbench.native.log")) {
            params.disableLog();
        }
        long t0 = System.nanoTime();
        LlamaModel model;
        try {
            model = loadOnOwnThread(params);
        } catch (RuntimeException e) {
            // de.kherud.llama.LlamaException is package-private: catch its supertype.
            throw new GenerationException(GenerationException.Kind.LOAD_FAILED,
                    "llama.cpp could not load " + path + ": " + e.getMessage(), true, e);
        }
        double loadMillis = (System.nanoTime() - t0) / 1e6;
        NativeLibrary.loaded();

        LlamaCppChatModel probe = new LlamaCppChatModel(model, null, context / config.parallelSlots(), file);
        ModelInfo info = file.info(config.withGpuLayers(0), probe.renderUnchecked(ModelFile.PROBE), BACKEND_ID,
                Version.bindingVersion(), loadMillis);
        return new LlamaCppChatModel(model, info, context / config.parallelSlots(), file);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public String render(List<ChatMessage> messages) throws GenerationException {
        ensureOpen();
        try {
            return renderUnchecked(messages);
        } catch (RuntimeException e) { // LlamaException is package-private
            throw new GenerationException(GenerationException.Kind.TEMPLATE,
                    "the chat template could not render this conversation: " + e.getMessage(), false, e);
        }
    }

    private String renderUnchecked(List<ChatMessage> messages) {
        String system = null;
        List<Pair<String, String>> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m.role() == Role.SYSTEM) {
                if (i != 0) {
                    throw new IllegalArgumentException("a system message may only come first");
                }
                system = m.content();
            } else {
                turns.add(new Pair<>(m.role().wireName(), m.content()));
            }
        }
        return file.stripBos(model.applyTemplate(new InferenceParameters("").setMessages(system, turns)));
    }

    @Override
    public Completion complete(ChatRequest request) throws GenerationException {
        ensureOpen();
        String prompt = render(request.messages());
        int[] encoded = model.encode(prompt);
        int promptTokens = encoded.length + (file.addsBos() ? 1 : 0);
        // With one slot, llama.cpp reuses the longest common prefix with the slot's previous prompt.
        Integer cached = null;
        if (info != null && info.parallelSlots() == 1) {
            // The tokens as evaluated: BOS (any fixed marker compares the same) and the encoded prompt.
            int[] evaluated = encoded;
            if (file.addsBos()) {
                evaluated = new int[encoded.length + 1];
                evaluated[0] = -1;
                System.arraycopy(encoded, 0, evaluated, 1, encoded.length);
            }
            cached = cacheEstimate.next(evaluated);
        }
        SamplingSettings s = request.sampling();
        if (request.topLogprobs() > 0) {
            // setNProbs aborts the JVM inside the binding (GGML_ASSERT in json.hpp): refuse instead.
            throw new GenerationException(GenerationException.Kind.BACKEND, "the in-process backend cannot report "
                    + "token probabilities; use --backend server", false);
        }
        if (promptTokens + s.maxTokens() > slotContext) {
            throw new GenerationException(GenerationException.Kind.CONTEXT_OVERFLOW,
                    "prompt of " + promptTokens + " tokens + " + s.maxTokens() + " max new tokens exceeds the "
                            + slotContext + "-token context of a slot", false);
        }
        InferenceParameters p = new InferenceParameters(prompt)
                .setNPredict(s.maxTokens())
                .setTemperature((float) s.temperature())
                .setSeed((int) s.seed())
                .setCachePrompt(true);
        if (!s.stop().isEmpty()) {
            p.setStopStrings(s.stop().toArray(new String[0]));
        }
        if (s.grammar() != null) {
            p.setGrammar(s.grammar());
        }
        long start = System.nanoTime();
        long first = -1;
        long last = start;
        int tokens = 0;
        StringBuilder text = new StringBuilder();
        boolean decided = false;
        try {
            de.kherud.llama.LlamaIterator it = model.generate(p).iterator();
            while (it.hasNext()) {
                LlamaOutput out = it.next();
                if (!it.hasNext()) {
                    text.append(out.text);
                    break; // the final message carries no token of its own
                }
                long now = System.nanoTime();
                if (first < 0) {
                    first = now;
                }
                last = now;
                tokens++;
                text.append(out.text);
                if (s.stopRule() != null && s.stopRule().decided(text.toString())) {
                    it.cancel(); // the slot stops generating; nothing after this token is read
                    decided = true;
                    break;
                }
            }
        } catch (RuntimeException e) { // LlamaException is package-private
            throw new GenerationException(GenerationException.Kind.BACKEND,
                    "llama.cpp failed: " + e.getMessage(), false, e);
        }
        double promptMs = ((first < 0 ? last : first) - start) / 1e6;
        double genMs = first < 0 ? 0 : (last - first) / 1e6;
        Completion.FinishReason reason = decided ? Completion.FinishReason.DECIDED
                : tokens >= s.maxTokens() ? Completion.FinishReason.LENGTH : Completion.FinishReason.STOP;
        return new Completion(text.toString(), promptTokens, tokens, reason, promptMs, genMs, List.of(), cached);
    }

    /**
     * Loads the model on a thread of its own that ends when loading does. Loading runs llama.cpp's warm-up
     * decode on the calling thread, and the bundled library's OpenMP makes that thread the master of a
     * team whose pool thread outlives the call; every later decode runs on the binding's own server
     * thread with a second team. The stray pool thread waits forever: spinning, it takes a core from the
     * decode team (2 threads on 2 cores ran at 0.45x of 1 thread), and sleeping, it still counts as a
     * team member, so libgomp throttles every team's spin-waiting to a sleep. A pool is freed when its
     * master thread exits, so the loader thread exits.
     */
    private static LlamaModel loadOnOwnThread(ModelParameters params) {
        LlamaModel[] loaded = new LlamaModel[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread loader = new Thread(() -> {
            try {
                loaded[0] = new LlamaModel(params);
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "llama-load");
        loader.start();
        boolean interrupted = false;
        while (true) {
            try {
                loader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // loading cannot be stopped half-way; finish, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return loaded[0];
    }

    private void ensureOpen() throws GenerationException {
        if (closed) {
            // Calling into the binding after close() hangs forever; refuse instead.
            throw new GenerationException(GenerationException.Kind.BACKEND, "model is closed", true);
        }
    }

    /**
     * Marks the model closed. The native memory is not returned (the binding's {@code close()} frees
     * nothing and can hang later calls); it goes when the process exits.
     */
    @Override
    public void close() {
        closed = true;
    }
}
