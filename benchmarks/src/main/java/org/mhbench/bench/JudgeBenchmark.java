package org.mhbench.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.Verdict;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.onnx.EncoderSpec;
import org.mhbench.judge.onnx.OnnxJudge;
import org.mhbench.judge.onnx.OnnxNative;
import org.mhbench.judge.onnx.Sentences;
import org.mhbench.judge.onnx.TextEncoder;
import org.mhbench.util.Home;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The judge against raw ONNX Runtime on the same encoder and the same inputs: how much of the ONNX
 * judge's time is the encoder itself, and how much is mhbench around it (tokenizing, sentence
 * splitting, grouping, pooling, the heads, building verdicts).
 *
 * <p>{@link #judge()} judges every reply with the shipped judge ({@link OnnxJudge#judgeAll}: default
 * options, one thread, batch 1). {@link #rawOnnxRuntime()} runs the encoder's ONNX model with
 * ONNX Runtime directly, with the same session options ({@link TextEncoder#sessionOptions}), on exactly
 * the texts the judge encodes for those replies (each sentence as a passage and the question–reply pair,
 * duplicates once), tokenized
 * beforehand, one input per call, and mean-pools the last layer: the floor under the judge's cost. The
 * judge's throughput relative to raw ONNX Runtime is {@code raw time / judge time} per pass.
 *
 * <p>Input: a labels file ({@code -Dmhbench.bench.labels=FILE.jsonl}; default: the 80 short replies in
 * {@code src/test/resources/judge/human-style.jsonl}). Run: {@code scripts/bench.sh JudgeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JudgeBenchmark {

    private List<JudgeInput> inputs;
    private OnnxJudge judge;
    private OrtSession session;
    private OrtEnvironment env;
    private List<long[]> ids;
    private List<long[]> types;
    private boolean usesTokenTypes;

    @Setup(Level.Trial)
    public void setUp() throws IOException, OrtException {
        String file = System.getProperty("mhbench.bench.labels");
        Path labels = file != null ? Path.of(file) : Home.resolve("src/test/resources/judge/human-style.jsonl");
        inputs = new ArrayList<>();
        for (LabelledItem item : LabelsFile.read(labels)) {
            inputs.add(item.input());
        }
        judge = OnnxJudge.load(Home.resolve(OnnxJudge.DEFAULT_DIR), OnnxJudge.Options.defaults());
        EncoderSpec spec = EncoderSpec.byId(judge.manifest().encoder().id()).orElseThrow();

        // The texts the judge encodes, built as its feature extractor builds them.
        Map<String, String> questions = new HashMap<>();
        judge.manifest().criteria().forEach(c -> questions.put(c.id(), c.question()));
        Set<List<String>> texts = new LinkedHashSet<>();
        for (JudgeInput in : inputs) {
            String question = questions.get(in.criterion());
            for (String s : Sentences.split(in.response())) {
                texts.add(List.of(spec.passagePrefix() + s));
            }
            texts.add(List.of(spec.queryPrefix() + question, spec.passagePrefix() + Sentences.clean(in.response())));
        }
        Map<String, String> tokOptions = Map.of("addSpecialTokens", "true", "truncation", "longest_first",
                "padding", "false", "maxLength", Integer.toString(spec.maxTokens()));
        ids = new ArrayList<>();
        types = new ArrayList<>();
        try (InputStream tok = resource(spec.tokenizerResource());
             HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tok, tokOptions)) {
            for (List<String> t : texts) {
                Encoding e = t.size() == 1 ? tokenizer.encode(t.get(0)) : tokenizer.encode(t.get(0), t.get(1));
                ids.add(e.getIds());
                types.add(e.getTypeIds());
            }
        }
        env = OnnxNative.environment();
        try (InputStream model = resource(spec.modelResource());
             OrtSession.SessionOptions options = TextEncoder.sessionOptions(
                     OnnxJudge.Options.defaults().intraOpThreads())) {
            session = env.createSession(model.readAllBytes(), options);
        }
        usesTokenTypes = session.getInputNames().contains("token_type_ids");
        System.err.printf("%d replies, %d encoder inputs%n", inputs.size(), ids.size());
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = JudgeBenchmark.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("not on the class path: " + name);
        }
        return in;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        judge.close();
        session.close();
    }

    @Benchmark
    public List<Verdict> judge() {
        return judge.judgeAll(inputs);
    }

    @Benchmark
    public float[][] rawOnnxRuntime() throws OrtException {
        float[][] out = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            long[] id = ids.get(i);
            long[] mask = new long[id.length];
            java.util.Arrays.fill(mask, 1L);
            long[] shape = {1, id.length};
            Map<String, OnnxTensor> feed = new HashMap<>();
            try {
                feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(id), shape));
                feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
                if (usesTokenTypes) {
                    feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types.get(i)), shape));
                }
                try (OrtSession.Result r = session.run(feed)) {
                    float[][][] states = (float[][][]) r.get(0).getValue();
                    float[] mean = new float[states[0][0].length];
                    for (float[] token : states[0]) {
                        for (int d = 0; d < mean.length; d++) {
                            mean[d] += token[d] / id.length;
                        }
                    }
                    out[i] = mean;
                }
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
        }
        return out;
    }
}
