package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Out-of-distribution statistics on synthetic vectors (no encoder needed). */
class OutOfDistributionTest {

    private static final int D = 16;

    /** 60 training replies of criterion "x", 3–12 words, 1–3 sentences, vectors near one direction. */
    private static final List<ReplyFeatures> FEATURES = new ArrayList<>();
    private static final TrainingSet SET;

    static {
        SplittableRandom r = new SplittableRandom(7);
        List<TrainingSet.Example> examples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = "word ".repeat(3 + i % 10).strip() + " " + i;
            examples.add(new TrainingSet.Example("x", text, i % 2 == 0, Set.of(), "id" + i));
        }
        examples.sort(java.util.Comparator.comparing(TrainingSet.Example::response));
        for (TrainingSet.Example e : examples) {
            int sentences = 1 + e.response().length() % 3;
            FEATURES.add(features(near(r, 0, 0.3), sentences, OutOfDistribution.words(e.response())));
        }
        SET = new TrainingSet(examples, Map.of("x", "Is it x?"), 0, 0);
    }

    private static float[] near(SplittableRandom r, int axis, double noise) {
        float[] v = new float[D];
        for (int k = 0; k < D; k++) {
            v[k] = (float) (noise * (r.nextDouble() - 0.5));
        }
        v[axis] += 1;
        return v;
    }

    private static ReplyFeatures features(float[] pair, int sentences, int words) {
        float[][] s = new float[sentences][];
        for (int i = 0; i < sentences; i++) {
            s[i] = pair.clone();
        }
        return new ReplyFeatures(s, pair, words);
    }

    @Test
    void aTypicalReplyIsNotFlagged() {
        OutOfDistribution ood = OutOfDistribution.fit(SET, FEATURES, null, 0.01);
        ReplyFeatures typical = features(near(new SplittableRandom(99), 0, 0.3), 2, 6);
        assertEquals(Optional.empty(), ood.check("x", typical));
        // a training reply itself is never unlike the training replies
        assertEquals(Optional.empty(), ood.check("x", FEATURES.get(5)));
    }

    @Test
    void aReplyFarFromEveryTrainingReplyIsFlaggedWithTheSimilarity() {
        OutOfDistribution ood = OutOfDistribution.fit(SET, FEATURES, null, 0.01);
        ReplyFeatures far = features(near(new SplittableRandom(3), 5, 0.3), 2, 6);
        String why = ood.check("x", far).orElseThrow();
        assertTrue(why.startsWith("out of distribution: unlike the training replies for 'x' (similarity "), why);
        assertTrue(ood.similarity("x", far) < ood.criterion("x").orElseThrow().minSimilarity());
    }

    @Test
    void lengthsOutsideTheTrainingRangeAreFlagged() {
        OutOfDistribution ood = OutOfDistribution.fit(SET, FEATURES, null, 0.01);
        float[] v = near(new SplittableRandom(5), 0, 0.3);
        OutOfDistribution.Criterion c = ood.criterion("x").orElseThrow();
        assertEquals(4, c.minWords());
        assertEquals(13, c.maxWords());
        assertEquals(String.format("out of distribution: reply longer than any training reply for 'x' (400 words > %d)",
                c.maxWords()), ood.check("x", features(v, 2, 400)).orElseThrow());
        assertTrue(ood.check("x", features(v, 1, 1)).orElseThrow().contains("shorter than any training reply"));
        assertTrue(ood.check("x", features(v, 30, 8)).orElseThrow().contains("more sentences than any training reply"));
        // unknown length: only the sentences and the vector are checked
        assertEquals(Optional.empty(), ood.check("x", new ReplyFeatures(new float[][] {v}, v)));
    }

    @Test
    void aHigherQuantileRaisesTheFloor() {
        double low = OutOfDistribution.fit(SET, FEATURES, null, 0.01).criterion("x").orElseThrow().minSimilarity();
        double high = OutOfDistribution.fit(SET, FEATURES, null, 0.5).criterion("x").orElseThrow().minSimilarity();
        assertTrue(high > low, low + " < " + high);
    }

    @Test
    void anUnknownCriterionIsNeverFlagged() {
        OutOfDistribution ood = OutOfDistribution.fit(SET, FEATURES, null, 0.01);
        assertEquals(Optional.empty(), ood.check("y", features(near(new SplittableRandom(3), 5, 0.3), 2, 400)));
    }

    @Test
    void bytesRoundTripAndAreReproducible() {
        OutOfDistribution ood = OutOfDistribution.fit(SET, FEATURES, null, 0.02);
        byte[] bytes = ood.toBytes();
        assertArrayEquals(bytes, OutOfDistribution.fit(SET, FEATURES, null, 0.02).toBytes());
        OutOfDistribution back = OutOfDistribution.fromBytes(bytes);
        assertArrayEquals(bytes, back.toBytes());
        ReplyFeatures far = features(near(new SplittableRandom(3), 5, 0.3), 2, 6);
        assertEquals(ood.check("x", far), back.check("x", far));
        assertEquals(ood.summary(), back.summary());
        assertThrows(IllegalArgumentException.class, () -> OutOfDistribution.fromBytes(new byte[] {1, 2, 3, 4}));
    }
}
