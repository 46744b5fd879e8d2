package org.mhbench.judge.onnx;

/**
 * Writes {@link HeadWeights} as an ONNX model, so the whole judge (encoder and head) runs in any ONNX
 * runtime. One run scores one reply for every criterion at once:
 *
 * <pre>
 *   inputs   sentences [S, dim]  (S dynamic; at least 1)   pair [1, dim]
 *   outputs  logits    [1, K]                               p_yes [1, K]
 *   logits = (ReduceLogSumExp(r · sentences·Ws, axis 0) − log S) / r + pair·Wg + b
 * </pre>
 *
 * The criteria's order is in the model's metadata ({@code criteria}, comma-separated) and in the
 * judge manifest.
 */
public final class HeadModel {

    /** Version of this graph layout, written as the model's producer_version. */
    public static final String FORMAT = "judge-head/1";
    public static final String IN_SENTENCES = "sentences";
    public static final String IN_PAIR = "pair";
    public static final String OUT_LOGITS = "logits";
    public static final String OUT_P_YES = "p_yes";

    private HeadModel() {
    }

    /** The serialized ONNX model (deterministic: the same weights give the same bytes). */
    public static byte[] toOnnx(HeadWeights w) {
        int k = w.criteria().size();
        int d = w.dim();
        float r = (float) w.temperature();
        OnnxGraph g = new OnnxGraph("mhbench_judge_head")
                .input(IN_SENTENCES, "n_sentences", d)
                .input(IN_PAIR, 1, d)
                .output(OUT_LOGITS, 1, k)
                .output(OUT_P_YES, 1, k)
                .floats("Ws", transpose(w.sentence(), r), d, k)
                .floats("Wg", transpose(w.reply(), 1f), d, k)
                .floats("b", w.bias().clone(), k)
                .floats("inv_r", new float[] {1f / r})
                .int64s("zero", new long[] {0L})
                // Ws already carries the factor r, so the matmul gives r·(s·w).
                .node("MatMul", new String[] {IN_SENTENCES, "Ws"}, new String[] {"rs"})
                .node("ReduceLogSumExp", new String[] {"rs"}, new String[] {"lse"},
                        "axes", new long[] {0L}, "keepdims", 1L)
                .node("Shape", new String[] {IN_SENTENCES}, new String[] {"shape"})
                .node("Gather", new String[] {"shape", "zero"}, new String[] {"n"}, "axis", 0L)
                .node("Cast", new String[] {"n"}, new String[] {"n_f"}, "to", 1L)
                .node("Log", new String[] {"n_f"}, new String[] {"log_n"})
                .node("Sub", new String[] {"lse", "log_n"}, new String[] {"lme_r"})
                .node("Mul", new String[] {"lme_r", "inv_r"}, new String[] {"lme"})
                .node("MatMul", new String[] {IN_PAIR, "Wg"}, new String[] {"pair_score"})
                .node("Add", new String[] {"lme", "pair_score"}, new String[] {"z"})
                .node("Add", new String[] {"z", "b"}, new String[] {OUT_LOGITS})
                .node("Sigmoid", new String[] {OUT_LOGITS}, new String[] {OUT_P_YES})
                .metadata("criteria", String.join(",", w.criteria()))
                .metadata("temperature", Double.toString(w.temperature()));
        // No mhbench version in the bytes: the same weights give the same file in every build.
        return g.toModelBytes("mhbench", FORMAT);
    }

    /** {@code [K][d]} → row-major {@code [d][K]}, each value times {@code scale}. */
    private static float[] transpose(float[][] m, float scale) {
        int k = m.length;
        int d = m[0].length;
        float[] out = new float[d * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                out[i * k + j] = m[j][i] * scale;
            }
        }
        return out;
    }
}
