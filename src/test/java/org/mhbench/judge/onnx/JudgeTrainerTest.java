package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.judge.Verdict;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.judge.labels.LabelledItem;

/** Training on a small slice (our 100-reply supplement): reproducible, and the written judge loads and works. */
class JudgeTrainerTest {

    private static TrainingSet set;
    private static List<ReplyFeatures> features;

    @BeforeAll
    static void encode() {
        List<LabelledItem> items = new ArrayList<>();
        List<LabelledItem> sup = JudgeFixtures.supplement();
        for (int i = 0; i < sup.size(); i++) {
            LabelledItem s = sup.get(i);
            items.add(new LabelledItem(s.id(), s.criterion(), s.question(), s.query(), s.response(), s.label(),
                    i % 2 == 0 ? "even" : "odd"));
        }
        set = TrainingSet.of(items, Map.of());
        features = trainer(42).features(set);
    }

    private static JudgeTrainer trainer(long seed) {
        return new JudgeTrainer(new FeatureExtractor(JudgeFixtures.e5()),
                JudgeTrainer.Settings.defaults().withSeed(seed).withThreads(2), m -> { });
    }

    private static Path train(Path dir, long seed) {
        JudgeTrainer t = trainer(seed);
        t.write(dir, "onnx:test", "0", set, t.train(set, features, null), Map.of("note", "test"));
        return dir;
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherWeights(@TempDir Path tmp) throws IOException {
        Path a = train(tmp.resolve("a"), 7);
        Path b = train(tmp.resolve("b"), 7);
        Path c = train(tmp.resolve("c"), 8);
        assertArrayEquals(Files.readAllBytes(a.resolve("head.onnx")), Files.readAllBytes(b.resolve("head.onnx")));
        assertEquals(Files.readString(a.resolve("judge.json")), Files.readString(b.resolve("judge.json")));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("head.onnx")),
                Files.readAllBytes(c.resolve("head.onnx"))), "the seed sets the starting weights");
        JudgeManifest m = JudgeManifest.read(a);
        assertEquals(set.sha256(), m.trainingDataSha256());
        assertEquals(10, m.criteria().size());
        assertEquals(100, m.criteria().stream().mapToInt(JudgeManifest.Criterion::examples).sum());
    }

    @Test
    void theWrittenJudgeLoadsAndItsOnnxHeadMatchesTheReference(@TempDir Path tmp) {
        JudgeTrainer t = trainer(3);
        JudgeTrainer.Trained trained = t.train(set, features, null);
        t.write(tmp, "onnx:test", "0", set, trained, Map.of());
        try (OnnxJudge judge = OnnxJudge.load(tmp, OnnxJudge.Options.defaults())) {
            List<Agreement.Pair> pairs = new ArrayList<>();
            List<ReplyFeatures> f = judge.encode(set.examples().stream().map(e ->
                    new org.mhbench.judge.JudgeInput(e.id(), e.criterion(), "?", "?", e.response())).toList());
            for (int i = 0; i < set.examples().size(); i++) {
                TrainingSet.Example e = set.examples().get(i);
                int k = trained.weights().indexOf(e.criterion());
                double reference = HeadWeights.sigmoid(trained.weights().logit(k, f.get(i)));
                Verdict v = judge.score(e.criterion(), f.get(i));
                assertEquals(reference, v.pYes(), 1e-4);
                pairs.add(new Agreement.Pair(e.criterion(), e.yes(), v.yes(), v.needsReview()));
            }
            assertTrue(Agreement.of(pairs).overall().accuracy() > 0.9, "fits its own training data");
        }
    }

    @Test
    void leaveOneSourceOutPredictsEveryExampleOutOfSample() {
        JudgeTrainer.HeldOut held = trainer(1).leaveOneSourceOut(set, features);
        assertEquals(List.of("even", "odd"), held.sources());
        for (double p : held.pYes()) {
            assertTrue(p >= 0 && p <= 1);
        }
        Agreement a = held.agreement(0.5, 0.2, 0.8);
        assertEquals(set.examples().size(), a.overall().n());
        assertTrue(a.overall().kappa() > 0.3, "50 short replies per fold still carry signal: " + a.overall().kappa());
    }
}
