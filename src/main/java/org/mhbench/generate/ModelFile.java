package org.mhbench.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mhbench.gguf.ChatTemplateFamily;
import org.mhbench.gguf.GgufFile;
import org.mhbench.gguf.GgufReader;
import org.mhbench.gguf.ModelSummary;
import org.mhbench.util.Hashing;

/**
 * What every backend that loads a GGUF needs to know about the file before and after loading it,
 * read with our own GGUF reader: its hash, summary, context to allocate, BOS handling, and how to tell
 * whether llama.cpp understood its chat template. One place, so that the backends agree.
 *
 * @param path    absolute path of the file
 * @param gguf    its metadata
 * @param summary architecture, parameters, quantization
 * @param sha256  hex SHA-256 of the file
 * @param context the context to allocate for all slots together
 * @param addsBos whether the tokenizer adds a BOS token ({@code tokenizer.ggml.add_bos_token})
 * @param bosText the BOS token's text, or {@code null}
 */
public record ModelFile(Path path, GgufFile gguf, ModelSummary summary, String sha256, int context, boolean addsBos,
                        String bosText) {

    /** A conversation rendered at load time to see which template llama.cpp actually applies. */
    public static final List<ChatMessage> PROBE = List.of(
            ChatMessage.system("mhbench-probe-system"),
            ChatMessage.user("mhbench-probe-user-1"),
            ChatMessage.assistant("mhbench-probe-assistant"),
            ChatMessage.user("mhbench-probe-user-2"));

    public ModelFile {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads and hashes {@code config}'s model file.
     *
     * @throws GenerationException LOAD_FAILED when the file cannot be read or is not a GGUF
     */
    public static ModelFile open(ModelConfig config) throws GenerationException {
        Path path = config.path().toAbsolutePath();
        GgufFile gguf;
        try {
            gguf = GgufReader.read(path);
        } catch (IOException | RuntimeException e) {
            throw new GenerationException(GenerationException.Kind.LOAD_FAILED, e.getMessage(), true, e);
        }
        ModelSummary summary = ModelSummary.of(gguf);
        long trained = summary.contextLength().orElse(0);
        int context = config.contextSize() > 0 ? config.contextSize()
                : (int) Math.min(trained > 0 ? trained : ModelConfig.DEFAULT_MAX_CONTEXT, ModelConfig.DEFAULT_MAX_CONTEXT);
        long bosId = gguf.integer("tokenizer.ggml.bos_token_id").orElse(-1);
        List<?> tokens = gguf.array("tokenizer.ggml.tokens").orElse(List.of());
        String bosText = bosId >= 0 && bosId < tokens.size() ? String.valueOf(tokens.get((int) bosId)) : null;
        return new ModelFile(path, gguf, summary, Hashing.sha256(path), context,
                gguf.bool("tokenizer.ggml.add_bos_token").orElse(true), bosText);
    }

    /** {@code general.architecture}, or {@code unknown}. */
    public String architecture() {
        return summary.architecture().orElse("unknown");
    }

    /**
     * The rendered prompt without a leading BOS text when the tokenizer adds BOS itself: templates that
     * write the BOS token (Llama 2/3, Mistral) would otherwise get a second one.
     */
    public String stripBos(String rendered) {
        if (addsBos && bosText != null && !bosText.isEmpty() && rendered.startsWith(bosText)) {
            return rendered.substring(bosText.length());
        }
        return rendered;
    }

    /**
     * The model's description once loaded.
     *
     * @param renderedProbe  {@link #PROBE} as the backend rendered it
     * @param backend        the backend's id
     * @param backendVersion the binding's or server's version
     */
    public ModelInfo info(ModelConfig config, String renderedProbe, String backend, String backendVersion,
                          double loadMillis) {
        Optional<String> ownTemplate = gguf.string("tokenizer.chat_template");
        String source = config.chatTemplate() != null ? "override" : ownTemplate.isPresent() ? "gguf" : "none";
        ChatTemplateFamily declared = ChatTemplateFamily.guess(
                config.chatTemplate() != null ? config.chatTemplate() : ownTemplate.orElse(null));
        ChatTemplateFamily rendered = ChatTemplateFamily.guess(renderedProbe);
        // llama.cpp replaces a template it cannot use by ChatML without saying so: a non-ChatML
        // template that renders as ChatML is that fallback.
        boolean fallback = declared != ChatTemplateFamily.CHATML && declared != ChatTemplateFamily.NONE
                && rendered == ChatTemplateFamily.CHATML;
        return new ModelInfo(config.label(), path.toString(), sha256, gguf.fileSize(), architecture(),
                summary.name().orElse(""), summary.parameterCount(),
                summary.dominantType().map(Enum::name).orElse("none"), summary.contextLength().orElse(0), context,
                config.parallelSlots(), config.effectiveThreads(), config.gpuLayers(), source,
                config.templateEngine().name().toLowerCase(Locale.ROOT), rendered.displayName(), fallback, backend,
                backendVersion, loadMillis);
    }
}
