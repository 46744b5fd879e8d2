package org.mhbench.testmodel;

import java.util.Locale;
import org.mhbench.gguf.GgmlType;
import org.mhbench.gguf.LlamaFileType;

/**
 * Hyperparameters of the llama-architecture test models. All sizes satisfy llama.cpp's constraints:
 * the embedding splits evenly into heads, heads have an even size (RoPE rotates pairs), query heads are a
 * multiple of key/value heads, and Q8_0 matrices have rows that are whole 32-value blocks.
 */
public enum TestModelSize {
    /** About 2.1 M parameters, F16 matrices, grouped-query attention (4 query / 2 kv heads). For every test. */
    TINY(1024, 256, 2, 4, 2, 768, 2048, GgmlType.F16),
    /** About 17.8 M parameters, F16 matrices, plain multi-head attention. */
    SMALL(4096, 512, 4, 8, 8, 1536, 4096, GgmlType.F16),
    /** About 201 M parameters, Q8_0 matrices (about 213 MB), 16 query / 4 kv heads. For throughput work. */
    MEDIUM(32000, 1024, 12, 16, 4, 2816, 4096, GgmlType.Q8_0);

    private final int vocabSize;
    private final int embeddingLength;
    private final int blockCount;
    private final int headCount;
    private final int headCountKv;
    private final int feedForwardLength;
    private final int contextLength;
    private final GgmlType matrixType;

    TestModelSize(int vocabSize, int embeddingLength, int blockCount, int headCount, int headCountKv,
            int feedForwardLength, int contextLength, GgmlType matrixType) {
        this.vocabSize = vocabSize;
        this.embeddingLength = embeddingLength;
        this.blockCount = blockCount;
        this.headCount = headCount;
        this.headCountKv = headCountKv;
        this.feedForwardLength = feedForwardLength;
        this.contextLength = contextLength;
        this.matrixType = matrixType;
        if (embeddingLength % headCount != 0 || (embeddingLength / headCount) % 2 != 0
                || headCount % headCountKv != 0
                || embeddingLength % matrixType.blockSize() != 0 || feedForwardLength % matrixType.blockSize() != 0) {
            throw new IllegalStateException("inconsistent hyperparameters for " + name());
        }
    }

    /** Tokens in the vocabulary. */
    public int vocabSize() {
        return vocabSize;
    }

    /** Width of the residual stream ({@code n_embd}). */
    public int embeddingLength() {
        return embeddingLength;
    }

    /** Transformer layers. */
    public int blockCount() {
        return blockCount;
    }

    /** Query heads. */
    public int headCount() {
        return headCount;
    }

    /** Key/value heads (fewer than {@link #headCount()} means grouped-query attention). */
    public int headCountKv() {
        return headCountKv;
    }

    /** Hidden width of the SwiGLU feed-forward network ({@code n_ff}). */
    public int feedForwardLength() {
        return feedForwardLength;
    }

    /** Training context stated in the file, tokens. */
    public int contextLength() {
        return contextLength;
    }

    /** Size of one attention head; also the RoPE dimension count. */
    public int headDim() {
        return embeddingLength / headCount;
    }

    /** Width of the key and value projections ({@code n_embd_k_gqa}). */
    public int kvEmbeddingLength() {
        return headDim() * headCountKv;
    }

    /** Element type of every matrix, the token embedding and output included; norms are F32. */
    public GgmlType matrixType() {
        return matrixType;
    }

    /** {@code general.file_type} matching {@link #matrixType()}. */
    public LlamaFileType fileType() {
        return matrixType == GgmlType.Q8_0 ? LlamaFileType.MOSTLY_Q8_0 : LlamaFileType.MOSTLY_F16;
    }

    /** Lower-case name, e.g. {@code tiny}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Total parameters (elements of all tensors). */
    public long parameterCount() {
        long embd = embeddingLength;
        long perLayer = 2 * embd                                   // attention and ffn norms
                + 2 * embd * embd                                  // q and output projections
                + 2 * embd * kvEmbeddingLength()                   // k and v projections
                + 3 * embd * feedForwardLength;                    // gate, up, down
        return 2 * embd * vocabSize + embd + blockCount * perLayer;
    }
}
