package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The head written as ONNX by our own protobuf writer computes exactly what the Java reference does. */
class HeadModelTest {

    private static HeadWeights random(int k, int d, double r, long seed) {
        Random rnd = new Random(seed);
        float[][] ws = new float[k][d];
        float[][] wg = new float[k][d];
        float[] b = new float[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                ws[i][j] = (float) rnd.nextGaussian();
                wg[i][j] = (float) rnd.nextGaussian();
            }
            b[i] = (float) rnd.nextGaussian();
        }
        List<String> criteria = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            criteria.add("c" + i);
        }
        return new HeadWeights(criteria, d, ws, wg, b, r);
    }

    private static ReplyFeatures features(int sentences, int d, Random rnd) {
        float[][] s = new float[sentences][d];
        float[] p = new float[d];
        for (int i = 0; i < sentences; i++) {
            for (int j = 0; j < d; j++) {
                s[i][j] = (float) (0.3 * rnd.nextGaussian());
            }
        }
        for (int j = 0; j < d; j++) {
            p[j] = (float) (0.3 * rnd.nextGaussian());
        }
        return new ReplyFeatures(s, p);
    }

    @Test
    void onnxHeadMatchesTheJavaReference() throws OrtException {
        for (double r : new double[] {1.0, 3.0}) {
            HeadWeights w = random(4, 16, r, 1);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession s = env.createSession(HeadModel.toOnnx(w), new OrtSession.SessionOptions())) {
                assertEquals("c0,c1,c2,c3", s.getMetadata().getCustomMetadata().get("criteria"));
                Random rnd = new Random(2);
                for (int n : new int[] {1, 2, 7}) {
                    ReplyFeatures f = features(n, 16, rnd);
                    float[] flat = new float[n * 16];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(f.sentences()[i], 0, flat, i * 16, 16);
                    }
                    try (OnnxTensor a = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {n, 16});
                         OnnxTensor b = OnnxTensor.createTensor(env, FloatBuffer.wrap(f.pair()), new long[] {1, 16});
                         OrtSession.Result res = s.run(Map.of(HeadModel.IN_SENTENCES, a, HeadModel.IN_PAIR, b))) {
                        float[][] logits = (float[][]) res.get(HeadModel.OUT_LOGITS).orElseThrow().getValue();
                        float[][] p = (float[][]) res.get(HeadModel.OUT_P_YES).orElseThrow().getValue();
                        for (int k = 0; k < 4; k++) {
                            double z = w.logit(k, f);
                            assertEquals(z, logits[0][k], 1e-4 * Math.max(1, Math.abs(z)), "r=" + r + " n=" + n);
                            assertEquals(HeadWeights.sigmoid(z), p[0][k], 1e-5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void logMeanExpDoesNotGrowWithRepeatedSentences() {
        HeadWeights w = random(1, 8, 1.0, 3);
        ReplyFeatures one = features(1, 8, new Random(4));
        float[][] repeated = {one.sentences()[0], one.sentences()[0], one.sentences()[0]};
        assertEquals(w.logit(0, one), w.logit(0, new ReplyFeatures(repeated, one.pair())), 1e-9,
                "a reply is not scored higher for saying the same thing three times");
    }

    @Test
    void sameWeightsSameBytes() {
        assertArrayEquals(HeadModel.toOnnx(random(3, 8, 1, 5)), HeadModel.toOnnx(random(3, 8, 1, 5)));
    }
}
