package org.mhbench.judge.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.JudgeUnavailableException;
import org.mhbench.judge.UnsupportedCriterionException;
import org.mhbench.judge.Verdict;
import org.mhbench.util.Home;

/**
 * The offline judge: a frozen sentence encoder run by ONNX Runtime plus a small trained head, also an
 * ONNX model. For each reply it encodes every sentence alone and the whole reply as a pair with the
 * criterion's question ({@link FeatureExtractor}), then the head ({@link HeadModel}) turns these into
 * {@code p_yes}. The answer is yes when {@code p_yes} reaches the criterion's threshold, and the
 * verdict needs review when {@code p_yes} falls inside the manifest's review band, or when the reply is
 * unlike the criterion's training replies ({@link OutOfDistribution}; the verdict's reason says how).
 *
 * <p>The judge answers <em>its own</em> question for each criterion (in {@code judge.json}); the
 * {@link JudgeInput#question()} a caller passes is not read, so a rewording of a stimulus does not
 * change a verdict. It knows only the criteria it was trained for: any other is refused with
 * {@link UnsupportedCriterionException}.
 *
 * <p>Loads with no network: the encoder comes from a jar on the classpath and is checked against the
 * SHA-256 in the manifest. Not thread-safe.
 */
public final class OnnxJudge implements Judge {

    /** The shipped judge's folder inside the checkout. */
    public static final String DEFAULT_DIR = "models/judge";

    /**
     * @param intraOpThreads ONNX Runtime intra-op threads for the encoder (default 1)
     * @param maxBatch       most same-length texts per encoder call (default 1: a verdict then does not
     *                       depend on what else is judged with it; larger batches are ~20% faster but
     *                       shift p_yes slightly, see {@link TextEncoder})
     */
    public record Options(int intraOpThreads, int maxBatch) {
        public static Options defaults() {
            return new Options(1, 1);
        }

        public Options {
            if (intraOpThreads < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("threads and batch size must be at least 1");
            }
        }
    }

    private final Path dir;
    private final JudgeManifest manifest;
    private final TextEncoder encoder;
    private final FeatureExtractor extractor;
    private final OrtEnvironment env;
    private final OrtSession head;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<String, JudgeManifest.Criterion> criteria = new HashMap<>();
    private final JudgeInfo info;
    private final OutOfDistribution ood;

    private OnnxJudge(Path dir, JudgeManifest manifest, TextEncoder encoder, OrtSession head, String headSha,
                      OutOfDistribution ood) {
        this.ood = ood;
        this.dir = dir;
        this.manifest = manifest;
        this.encoder = encoder;
        this.extractor = new FeatureExtractor(encoder);
        this.env = OnnxNative.environment();
        this.head = head;
        for (int k = 0; k < manifest.criteria().size(); k++) {
            JudgeManifest.Criterion c = manifest.criteria().get(k);
            columns.put(c.id(), k);
            criteria.put(c.id(), c);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "onnx");
        details.put("folder", dir.toString());
        details.put("encoder", manifest.encoder().id());
        details.put("encoder_model_sha256", manifest.encoder().modelSha256());
        details.put("head_sha256", headSha);
        details.put("pooling", manifest.head().pooling());
        details.put("review_band", manifest.reviewBand());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        manifest.criteria().forEach(c -> thresholds.put(c.id(), c.threshold()));
        details.put("thresholds", thresholds);
        if (manifest.ood() != null) {
            details.put("ood_sha256", manifest.ood().sha256());
            details.put("ood_quantile", manifest.ood().quantile());
        }
        this.info = new JudgeInfo(manifest.id(), manifest.version(), manifest.trainingDataSha256(), details);
    }

    /** The shipped judge ({@value #DEFAULT_DIR} of the checkout), with default options. */
    public static OnnxJudge loadDefault() {
        return load(Home.resolve(DEFAULT_DIR), Options.defaults());
    }

    /**
     * Loads a judge folder ({@code judge.json} + its head file).
     *
     * @throws JudgeUnavailableException when the folder is not a judge, a file's hash does not match the
     *                                   manifest, or the encoder is unknown or differs from the one the
     *                                   judge was trained with
     */
    public static OnnxJudge load(Path dir, Options options) {
        JudgeManifest manifest;
        try {
            manifest = JudgeManifest.read(dir);
        } catch (org.mhbench.util.BadInputException e) {
            throw new JudgeUnavailableException(e.getMessage());
        }
        EncoderSpec spec = EncoderSpec.byId(manifest.encoder().id()).orElseThrow(() -> new JudgeUnavailableException(
                dir.resolve(JudgeManifest.FILE) + ": unknown encoder " + manifest.encoder().id() + " (known: "
                        + EncoderSpec.KNOWN.stream().map(EncoderSpec::id).toList() + ")"));
        byte[] headBytes;
        try {
            headBytes = Files.readAllBytes(dir.resolve(manifest.head().file()));
        } catch (IOException e) {
            throw new JudgeUnavailableException("cannot read the judge's head " + dir.resolve(manifest.head().file())
                    + ": " + e.getMessage());
        }
        String headSha = TextEncoder.sha256(headBytes);
        if (!headSha.equals(manifest.head().sha256())) {
            throw new JudgeUnavailableException(dir.resolve(manifest.head().file()) + " does not match the SHA-256 in "
                    + JudgeManifest.FILE + " (a damaged or replaced file; retrain with mhbench train-judge)");
        }
        OutOfDistribution ood = null;
        if (manifest.ood() != null) {
            Path f = dir.resolve(manifest.ood().file());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new JudgeUnavailableException("cannot read the judge's out-of-distribution statistics " + f
                        + ": " + e.getMessage());
            }
            if (!TextEncoder.sha256(bytes).equals(manifest.ood().sha256())) {
                throw new JudgeUnavailableException(f + " does not match the SHA-256 in " + JudgeManifest.FILE
                        + " (a damaged or replaced file; retrain with mhbench train-judge)");
            }
            try {
                ood = OutOfDistribution.fromBytes(bytes);
            } catch (IllegalArgumentException e) {
                throw new JudgeUnavailableException(f + ": " + e.getMessage());
            }
        }
        TextEncoder encoder = TextEncoder.open(spec, options.intraOpThreads(), options.maxBatch());
        if (!encoder.modelSha256().equals(manifest.encoder().modelSha256())
                || !encoder.tokenizerSha256().equals(manifest.encoder().tokenizerSha256())) {
            encoder.close();
            throw new JudgeUnavailableException("the encoder " + spec.id() + " on the classpath differs from the one "
                    + "this judge was trained with (" + dir + "); use the pom's encoder version or retrain with "
                    + "mhbench train-judge");
        }
        try (OrtSession.SessionOptions so = TextEncoder.sessionOptions(1)) {
            OrtSession head = OnnxNative.environment().createSession(headBytes, so);
            return new OnnxJudge(dir, manifest, encoder, head, headSha, ood);
        } catch (OrtException e) {
            encoder.close();
            throw new JudgeUnavailableException("cannot load the judge's head: " + e.getMessage());
        }
    }

    public JudgeManifest manifest() {
        return manifest;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public JudgeInfo info() {
        return info;
    }

    @Override
    public boolean supports(String criterion) {
        return columns.containsKey(criterion);
    }

    /** The criteria this judge was trained for, in its head's column order. */
    public List<String> criteria() {
        return List.copyOf(columns.keySet());
    }

    @Override
    public Verdict judge(JudgeInput input) {
        return judgeAll(List.of(input)).get(0);
    }

    /** Encodes all replies together (identical texts once, batched by length), then scores each. */
    @Override
    public List<Verdict> judgeAll(List<JudgeInput> inputs) {
        List<ReplyFeatures> features = encode(inputs);
        List<Verdict> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(score(inputs.get(i).criterion(), features.get(i)));
        }
        return out;
    }

    /**
     * The encode step: features for each input, read with this judge's question for its criterion.
     *
     * @throws UnsupportedCriterionException before any work if any input's criterion is unknown
     */
    public List<ReplyFeatures> encode(List<JudgeInput> inputs) {
        List<FeatureExtractor.Reply> replies = new ArrayList<>(inputs.size());
        for (JudgeInput in : inputs) {
            replies.add(new FeatureExtractor.Reply(criterion(in.criterion()).question(), in.response()));
        }
        return extractor.extract(replies);
    }

    /**
     * The head step: the verdict for one reply's features. It needs review when {@code p_yes} is inside
     * the review band, or when the reply is unlike this criterion's training replies
     * ({@link OutOfDistribution}, when the judge has the statistics); then the reason says how.
     */
    public Verdict score(String criterion, ReplyFeatures features) {
        JudgeManifest.Criterion c = criterion(criterion);
        double p = pYes(features)[columns.get(criterion)];
        boolean band = p > manifest.reviewBand().get(0) && p < manifest.reviewBand().get(1);
        String why = ood == null ? null : ood.check(criterion, features).orElse(null);
        return new Verdict(p >= c.threshold() ? "yes" : "no", p, band || why != null, null, why);
    }

    /** The out-of-distribution statistics, or null when this judge has none. */
    public OutOfDistribution outOfDistribution() {
        return ood;
    }

    /** {@code p_yes} for every criterion (head column order), from the ONNX head. */
    public double[] pYes(ReplyFeatures features) {
        float[][] s = features.sentences();
        int d = features.pair().length;
        float[] flat = new float[s.length * d];
        for (int i = 0; i < s.length; i++) {
            System.arraycopy(s[i], 0, flat, i * d, d);
        }
        try (OnnxTensor sentences = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {s.length, d});
             OnnxTensor pair = OnnxTensor.createTensor(env, FloatBuffer.wrap(features.pair()), new long[] {1, d});
             OrtSession.Result r = head.run(Map.of(HeadModel.IN_SENTENCES, sentences, HeadModel.IN_PAIR, pair),
                     java.util.Set.of(HeadModel.OUT_P_YES))) {
            float[][] p = (float[][]) r.get(0).getValue();
            double[] out = new double[p[0].length];
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.min(1, Math.max(0, p[0][k]));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("the judge's head failed: " + e.getMessage(), e);
        }
    }

    private JudgeManifest.Criterion criterion(String id) {
        JudgeManifest.Criterion c = criteria.get(id);
        if (c == null) {
            throw new UnsupportedCriterionException(unsupportedMessage(info.id(), id, criteria()));
        }
        return c;
    }

    static String unsupportedMessage(String judgeId, String criterion, List<String> known) {
        return "the ONNX judge " + judgeId + " was not trained for criterion '" + criterion + "' (it knows "
                + String.join(", ", known) + "). Judge it with a local LLM judge (--judge llm:FILE.gguf), or "
                + "train an ONNX judge that knows it from labelled replies: mhbench train-judge --labels FILE.jsonl";
    }

    @Override
    public void close() {
        try {
            head.close();
        } catch (OrtException e) {
            // nothing left to do
        }
        encoder.close();
    }

    /** For messages: the folder and id. */
    @Override
    public String toString() {
        return info.id() + " (" + dir + ")";
    }
}
