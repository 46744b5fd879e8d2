package org.mhbench.judge.onnx;

import java.util.List;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.util.Home;

/**
 * Shared, lazily loaded judge objects: loading an encoder takes about a second, so the test JVM loads
 * each once. Not closed (the JVM exits after the tests).
 */
final class JudgeFixtures {

    private static OnnxJudge shipped;
    private static TextEncoder e5;

    private JudgeFixtures() {
    }

    /** The judge in models/judge. */
    static synchronized OnnxJudge shipped() {
        if (shipped == null) {
            shipped = OnnxJudge.loadDefault();
        }
        return shipped;
    }

    static synchronized TextEncoder e5() {
        if (e5 == null) {
            e5 = TextEncoder.open(EncoderSpec.E5_SMALL_V2_Q, 1, 1);
        }
        return e5;
    }

    /** Our hand-written, clinician-labelled short replies (test data, never trained on). */
    static List<LabelledItem> humanStyle() {
        return LabelsFile.read(Home.resolve("src/test/resources/judge/human-style.jsonl"));
    }

    /** The shipped judge's own-words training supplement. */
    static List<LabelledItem> supplement() {
        return LabelsFile.read(Home.resolve("models/judge/train-supplement.jsonl"));
    }
}
