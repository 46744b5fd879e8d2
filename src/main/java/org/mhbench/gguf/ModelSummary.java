package org.mhbench.gguf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a person wants to know about a model file at a glance, derived from its GGUF header alone.
 * Values the file does not state are empty.
 *
 * @param path the file
 * @param fileSize file size in bytes
 * @param ggufVersion GGUF version
 * @param architecture {@code general.architecture}, e.g. {@code llama}
 * @param name {@code general.name}
 * @param parameterCount sum of all tensors' element counts
 * @param tensorCount number of tensors
 * @param dominantType the tensor type holding the most bytes (empty without tensors)
 * @param fileType raw {@code general.file_type} (llama.cpp's {@code llama_ftype}); see {@link #fileTypeName()}
 * @param contextLength {@code <arch>.context_length}: training context in tokens
 * @param embeddingLength {@code <arch>.embedding_length}
 * @param blockCount {@code <arch>.block_count}: transformer layers
 * @param headCount {@code <arch>.attention.head_count} (largest entry if given per layer)
 * @param headCountKv {@code <arch>.attention.head_count_kv} (largest entry if given per layer)
 * @param vocabSize length of {@code tokenizer.ggml.tokens}, else {@code <arch>.vocab_size}
 * @param bosToken text of the token {@code tokenizer.ggml.bos_token_id} names
 * @param eosToken text of the token {@code tokenizer.ggml.eos_token_id} names
 * @param chatTemplate {@code tokenizer.chat_template}
 * @param chatTemplateFamily guess of the template's family ({@link ChatTemplateFamily#NONE} if absent)
 */
public record ModelSummary(
        Path path,
        long fileSize,
        int ggufVersion,
        Optional<String> architecture,
        Optional<String> name,
        long parameterCount,
        int tensorCount,
        Optional<GgmlType> dominantType,
        OptionalLong fileType,
        OptionalLong contextLength,
        OptionalLong embeddingLength,
        OptionalLong blockCount,
        OptionalLong headCount,
        OptionalLong headCountKv,
        OptionalLong vocabSize,
        Optional<String> bosToken,
        Optional<String> eosToken,
        Optional<String> chatTemplate,
        ChatTemplateFamily chatTemplateFamily) {

    public ModelSummary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dominantType, "dominantType");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(contextLength, "contextLength");
        Objects.requireNonNull(embeddingLength, "embeddingLength");
        Objects.requireNonNull(blockCount, "blockCount");
        Objects.requireNonNull(headCount, "headCount");
        Objects.requireNonNull(headCountKv, "headCountKv");
        Objects.requireNonNull(vocabSize, "vocabSize");
        Objects.requireNonNull(bosToken, "bosToken");
        Objects.requireNonNull(eosToken, "eosToken");
        Objects.requireNonNull(chatTemplate, "chatTemplate");
        Objects.requireNonNull(chatTemplateFamily, "chatTemplateFamily");
    }

    /** Summarises {@code file}. */
    public static ModelSummary of(GgufFile file) {
        Optional<String> arch = file.string("general.architecture");
        String prefix = arch.orElse("") + ".";
        long parameters = 0;
        Map<GgmlType, Long> bytesByType = new EnumMap<>(GgmlType.class);
        for (GgufTensorInfo t : file.tensors()) {
            parameters += t.elementCount();
            bytesByType.merge(t.type(), t.byteSize(), Long::sum);
        }
        Optional<GgmlType> dominant = bytesByType.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
        Optional<List<?>> tokens = file.array("tokenizer.ggml.tokens");
        OptionalLong vocab = tokens.isPresent()
                ? OptionalLong.of(tokens.get().size())
                : file.integer(prefix + "vocab_size");
        Optional<String> template = file.string("tokenizer.chat_template");
        return new ModelSummary(
                file.path(),
                file.fileSize(),
                file.version(),
                arch,
                file.string("general.name"),
                parameters,
                file.tensors().size(),
                dominant,
                file.integer("general.file_type"),
                file.integer(prefix + "context_length"),
                file.integer(prefix + "embedding_length"),
                file.integer(prefix + "block_count"),
                integerOrLargest(file, prefix + "attention.head_count"),
                integerOrLargest(file, prefix + "attention.head_count_kv"),
                vocab,
                tokenText(file, tokens, "tokenizer.ggml.bos_token_id"),
                tokenText(file, tokens, "tokenizer.ggml.eos_token_id"),
                template,
                ChatTemplateFamily.guess(template.orElse(null)));
    }

    private static Optional<String> tokenText(GgufFile file, Optional<List<?>> tokens, String idKey) {
        OptionalLong id = file.integer(idKey);
        if (id.isEmpty() || tokens.isEmpty() || id.getAsLong() < 0 || id.getAsLong() >= tokens.get().size()) {
            return Optional.empty();
        }
        return tokens.get().get((int) id.getAsLong()) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static OptionalLong integerOrLargest(GgufFile file, String key) {
        OptionalLong scalar = file.integer(key);
        if (scalar.isPresent()) {
            return scalar;
        }
        return file.array(key)
                .map(list -> list.stream()
                        .filter(v -> v instanceof Integer || v instanceof Long)
                        .mapToLong(v -> ((Number) v).longValue())
                        .max())
                .orElse(OptionalLong.empty());
    }

    /** Whether the file carries a chat template. */
    public boolean chatTemplatePresent() {
        return chatTemplate.isPresent();
    }

    /**
     * {@code general.file_type} as llama.cpp names it (e.g. {@code MOSTLY_Q8_0}), {@code unknown(N)} for a
     * number llama.cpp does not define, or empty if the key is absent.
     */
    public Optional<String> fileTypeName() {
        if (fileType.isEmpty()) {
            return Optional.empty();
        }
        long id = fileType.getAsLong();
        return Optional.of(LlamaFileType.fromId(id).map(Enum::name).orElse("unknown(" + id + ")"));
    }

    /**
     * Plain-text {@code "key: value"} lines with the values aligned in one column, for a CLI listing.
     * Absent values are shown as {@code -}.
     */
    public List<String> describe() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("file", path.toString()));
        rows.add(row("size", humanBytes(fileSize)));
        rows.add(row("gguf version", Integer.toString(ggufVersion)));
        rows.add(row("architecture", architecture.orElse("-")));
        rows.add(row("name", name.orElse("-")));
        rows.add(row("parameters", humanCount(parameterCount)));
        rows.add(row("tensors", Integer.toString(tensorCount)));
        rows.add(row("dominant type", dominantType.map(Enum::name).orElse("-")));
        rows.add(row("file type", fileTypeName().map(n -> n + " (" + fileType.getAsLong() + ")").orElse("-")));
        rows.add(row("context length", show(contextLength)));
        rows.add(row("embedding length", show(embeddingLength)));
        rows.add(row("blocks", show(blockCount)));
        rows.add(row("attention heads", show(headCount)));
        rows.add(row("kv heads", show(headCountKv)));
        rows.add(row("vocab size", show(vocabSize)));
        rows.add(row("bos / eos token", bosToken.orElse("-") + " / " + eosToken.orElse("-")));
        rows.add(row("chat template", chatTemplate.isPresent() ? chatTemplateFamily.displayName() : "none"));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 1;
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            lines.add(String.format(Locale.ROOT, "%-" + width + "s %s", r[0] + ":", r[1]));
        }
        return List.copyOf(lines);
    }

    private static String[] row(String key, String value) {
        return new String[] {key, value};
    }

    private static String show(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "-";
    }

    /** E.g. {@code 4.2 MB (4,194,336 bytes)}, decimal units. */
    static String humanBytes(long bytes) {
        return scaled(bytes, "B") + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
    }

    /** E.g. {@code 2.1 M (2,097,152)}. */
    static String humanCount(long n) {
        return scaled(n, "") + " (" + String.format(Locale.ROOT, "%,d", n) + ")";
    }

    private static String scaled(long n, String unit) {
        String[] prefixes = {"", "k", "M", "G", "T"};
        double v = n;
        int i = 0;
        while (Math.abs(v) >= 1000 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        String number = i == 0 ? Long.toString(n) : String.format(Locale.ROOT, "%.1f", v);
        String suffix = prefixes[i] + unit;
        return suffix.isEmpty() ? number : number + " " + suffix;
    }
}
