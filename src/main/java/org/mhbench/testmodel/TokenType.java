package org.mhbench.testmodel;

/** llama.cpp's token attribute values for {@code tokenizer.ggml.token_type} (SentencePiece piece types). */
public enum TokenType {
    NORMAL(1),
    UNKNOWN(2),
    CONTROL(3),
    USER_DEFINED(4),
    UNUSED(5),
    BYTE(6);

    private final int id;

    TokenType(int id) {
        this.id = id;
    }

    /** The value written to {@code tokenizer.ggml.token_type}. */
    public int id() {
        return id;
    }
}
