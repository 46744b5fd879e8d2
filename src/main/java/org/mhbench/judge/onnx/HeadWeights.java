package org.mhbench.judge.onnx;

import java.util.List;
import java.util.Objects;

/**
 * The trained part of the ONNX judge: for each criterion {@code k}, a linear scorer of each sentence,
 * pooled by log-mean-exp, plus a linear scorer of the whole reply (read together with the criterion
 * question):
 *
 * <pre>
 *   logit_k = (1/r) · log( (1/S) · Σ_i exp(r · s_i·ws_k) )  +  g·wg_k  +  b_k
 * </pre>
 *
 * where {@code s_i} are the reply's {@code S} sentence vectors and {@code g} the vector of the
 * (question, reply) pair. Log-mean-exp lies between the mean ({@code r → 0}) and the maximum
 * ({@code r → ∞}) of the sentence scores and, unlike log-sum-exp, does not grow with the number of
 * sentences, so a one-line reply is not pushed towards "no" for being short. Feature standardisation
 * is already folded into the weights. {@link #logit} is the reference implementation; the same
 * function is exported as an ONNX graph by {@link HeadModel}.
 *
 * @param criteria       criterion ids, in column order
 * @param dim            encoder vector size
 * @param sentence       {@code [K][dim]} sentence weights
 * @param reply          {@code [K][dim]} pair weights
 * @param bias           {@code [K]} biases
 * @param temperature    {@code r} of the log-mean-exp pooling
 */
public record HeadWeights(List<String> criteria, int dim, float[][] sentence, float[][] reply, float[] bias,
                          double temperature) {

    public HeadWeights {
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(bias, "bias");
        int k = criteria.size();
        if (sentence.length != k || reply.length != k || bias.length != k) {
            throw new IllegalArgumentException("weights for " + k + " criteria expected");
        }
        for (int i = 0; i < k; i++) {
            if (sentence[i].length != dim || reply[i].length != dim) {
                throw new IllegalArgumentException("weights of size " + dim + " expected");
            }
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive");
        }
    }

    /** Column of a criterion, or -1. */
    public int indexOf(String criterion) {
        return criteria.indexOf(criterion);
    }

    /** The logit of "yes" for criterion column {@code k} (reference implementation, double precision). */
    public double logit(int k, ReplyFeatures f) {
        return pooledSentenceScore(sentence[k], f.sentences(), temperature) + dot(reply[k], f.pair()) + bias[k];
    }

    /** {@code (1/r) log((1/S) Σ exp(r · w·s_i))}, computed stably. */
    static double pooledSentenceScore(float[] w, float[][] sentences, double r) {
        int n = sentences.length;
        double[] s = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            s[i] = r * dot(w, sentences[i]);
            max = Math.max(max, s[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(s[i] - max);
        }
        return (max + Math.log(sum) - Math.log(n)) / r;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
