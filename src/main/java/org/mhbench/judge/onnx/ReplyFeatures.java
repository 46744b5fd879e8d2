package org.mhbench.judge.onnx;

import java.util.Objects;

/**
 * What the encoder makes of one reply: a vector per sentence, and one for the (criterion question,
 * reply) pair. Both are mean-pooled token states.
 *
 * @param sentences {@code [S][dim]}, at least one row
 * @param pair      {@code [dim]}
 * @param words     the reply's length in words ({@link OutOfDistribution#words}), or -1 when unknown
 */
public record ReplyFeatures(float[][] sentences, float[] pair, int words) {

    public ReplyFeatures {
        Objects.requireNonNull(sentences, "sentences");
        Objects.requireNonNull(pair, "pair");
        if (sentences.length == 0) {
            throw new IllegalArgumentException("a reply has at least one sentence");
        }
    }

    /** Features of a reply whose length in words is not known. */
    public ReplyFeatures(float[][] sentences, float[] pair) {
        this(sentences, pair, -1);
    }
}
