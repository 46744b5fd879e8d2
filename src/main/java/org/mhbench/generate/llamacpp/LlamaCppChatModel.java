package org.mhbench.generate.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mhbench.Version;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.Role;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.TemplateEngine;
import org.mhbench.gguf.ChatTemplateFamily;
import org.mhbench.gguf.GgufFile;
import org.mhbench.gguf.GgufReader;
import org.mhbench.gguf.ModelSummary;
import org.mhbench.util.Hashing;

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

    private static final List<ChatMessage> PROBE = List.of(
            ChatMessage.system("mhbench-probe-system"),
            ChatMessage.user("mhbench-probe-user-1"),
            ChatMessage.assistant("mhbench-probe-assistant"),
            ChatMessage.user("mhbench-probe-user-2"));

    private final LlamaModel model;
    private final ModelInfo info;
    private final int slotContext;
    private final boolean addsBos;
    private final String bosText;
    private volatile boolean closed;

    private LlamaCppChatModel(LlamaModel model, ModelInfo info, int slotContext, boolean addsBos, String bosText) {
        this.model = model;
        this.info = info;
        this.slotContext = slotContext;
        this.addsBos = addsBos;
        this.bosText = bosText;
    }

    /**
     * Validates the file with our own GGUF reader, then loads it. At most one call per process
     * (see class comment).
     */
    public static LlamaCppChatModel load(ModelConfig config) throws GenerationException {
        Objects.requireNonNull(config, "config");
        Path path = config.path().toAbsolutePath();
        GgufFile gguf;
        try {
            gguf = GgufReader.read(path);
        } catch (java.io.IOException | RuntimeException e) {
            throw new GenerationException(GenerationException.Kind.LOAD_FAILED, e.getMessage(), true, e);
        }
        ModelSummary summary = ModelSummary.of(gguf);
        String sha256 = Hashing.sha256(path);
        long trained = summary.contextLength().orElse(0);
        int context = config.contextSize() > 0 ? config.contextSize()
                : (int) Math.min(trained > 0 ? trained : ModelConfig.DEFAULT_MAX_CONTEXT, ModelConfig.DEFAULT_MAX_CONTEXT);

        NativeLibrary.prepare();
        ModelParameters params = new ModelParameters()
                .setModel(path.toString())
                .setThreads(config.effectiveThreads())
                .setThreadsBatch(config.effectiveThreads())
                .setGpuLayers(config.gpuLayers())
                .setCtxSize(context)
                .setParallel(config.parallelSlots())
                // A prompt that does not fit must fail, not lose its beginning silently.
                .disableContextShift();
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
            model = new LlamaModel(params);
        } catch (RuntimeException e) {
            // de.kherud.llama.LlamaException is package-private: catch its supertype.
            throw new GenerationException(GenerationException.Kind.LOAD_FAILED,
                    "llama.cpp could not load " + path + ": " + e.getMessage(), true, e);
        }
        double loadMillis = (System.nanoTime() - t0) / 1e6;
        NativeLibrary.loaded();

        boolean addsBos = gguf.bool("tokenizer.ggml.add_bos_token").orElse(true);
        String bosText = bosToken(gguf);
        Optional<String> ownTemplate = gguf.string("tokenizer.chat_template");
        String source = config.chatTemplate() != null ? "override" : ownTemplate.isPresent() ? "gguf" : "none";
        ChatTemplateFamily declared = ChatTemplateFamily.guess(
                config.chatTemplate() != null ? config.chatTemplate() : ownTemplate.orElse(null));
        LlamaCppChatModel probe = new LlamaCppChatModel(model, null, context / config.parallelSlots(), addsBos, bosText);
        ChatTemplateFamily rendered = ChatTemplateFamily.guess(probe.renderUnchecked(PROBE));
        // llama.cpp replaces a template it cannot use by ChatML without saying so: a non-ChatML
        // template that renders as ChatML is that fallback.
        boolean fallback = declared != ChatTemplateFamily.CHATML && declared != ChatTemplateFamily.NONE
                && rendered == ChatTemplateFamily.CHATML;
        ModelInfo info = new ModelInfo(config.label(), path.toString(), sha256, gguf.fileSize(),
                summary.architecture().orElse("unknown"), summary.name().orElse(""), summary.parameterCount(),
                summary.dominantType().map(Enum::name).orElse("none"), trained, context, config.parallelSlots(),
                config.effectiveThreads(), config.gpuLayers(), source,
                config.templateEngine().name().toLowerCase(java.util.Locale.ROOT), rendered.displayName(), fallback,
                "llama.cpp-jni", Version.bindingVersion(), loadMillis);
        return new LlamaCppChatModel(model, info, context / config.parallelSlots(), addsBos, bosText);
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
        String rendered = model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
        // Templates that write the BOS token themselves (Llama 2/3, Mistral) would get a second one
        // when the server tokenizes with add_special: keep only the server's.
        if (addsBos && bosText != null && !bosText.isEmpty() && rendered.startsWith(bosText)) {
            rendered = rendered.substring(bosText.length());
        }
        return rendered;
    }

    @Override
    public Completion complete(ChatRequest request) throws GenerationException {
        ensureOpen();
        String prompt = render(request.messages());
        int promptTokens = model.encode(prompt).length + (addsBos ? 1 : 0);
        SamplingSettings s = request.sampling();
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
        try {
            java.util.Iterator<LlamaOutput> it = model.generate(p).iterator();
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
            }
        } catch (RuntimeException e) { // LlamaException is package-private
            throw new GenerationException(GenerationException.Kind.BACKEND,
                    "llama.cpp failed: " + e.getMessage(), false, e);
        }
        double promptMs = ((first < 0 ? last : first) - start) / 1e6;
        double genMs = first < 0 ? 0 : (last - first) / 1e6;
        Completion.FinishReason reason = tokens >= s.maxTokens() ? Completion.FinishReason.LENGTH
                : Completion.FinishReason.STOP;
        return new Completion(text.toString(), promptTokens, tokens, reason, promptMs, genMs);
    }

    private static String bosToken(GgufFile gguf) {
        long id = gguf.integer("tokenizer.ggml.bos_token_id").orElse(-1);
        List<?> tokens = gguf.array("tokenizer.ggml.tokens").orElse(List.of());
        return id >= 0 && id < tokens.size() ? String.valueOf(tokens.get((int) id)) : null;
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
