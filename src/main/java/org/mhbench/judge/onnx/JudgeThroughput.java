package org.mhbench.judge.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.labels.PaperLabels;

/**
 * A small throughput harness (the JMH module can call {@link #rawEncoder} and {@link #judge} the same
 * way): items per second of the whole judge ({@link OnnxJudge#judgeAll}: sentence split, encoding of
 * every sentence and of the question–reply pair, head) against the raw encoder alone (each reply
 * encoded once as one passage, same batching), on the same replies and the same thread count.
 *
 * <pre>java -cp target/mhbench.jar:target/lib/* org.mhbench.judge.onnx.JudgeThroughput
 *     (--paper DIR | --labels FILE.jsonl) [--n N] [--threads T] [--batch B] [--judge DIR]</pre>
 */
public final class JudgeThroughput {

    /** Items per second of one pass. */
    public record Result(String what, int items, double seconds) {
        public double itemsPerSecond() {
            return items / seconds;
        }
    }

    private JudgeThroughput() {
    }

    /** The raw encoder: every reply as one passage, mean-pooled. */
    public static Result rawEncoder(TextEncoder encoder, List<JudgeInput> inputs) {
        List<TextEncoder.Input> texts = new ArrayList<>(inputs.size());
        for (JudgeInput in : inputs) {
            texts.add(TextEncoder.Input.of(encoder.spec().passagePrefix() + in.response()));
        }
        long t0 = System.nanoTime();
        float[][] v = encoder.encode(texts);
        double s = (System.nanoTime() - t0) / 1e9;
        if (v.length != inputs.size()) {
            throw new IllegalStateException();
        }
        return new Result("raw encoder (" + encoder.spec().id() + ", one passage per reply)", inputs.size(), s);
    }

    /** The whole judge. */
    public static Result judge(OnnxJudge judge, List<JudgeInput> inputs) {
        long t0 = System.nanoTime();
        judge.judgeAll(inputs);
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result("judge " + judge.info().id(), inputs.size(), s);
    }

    public static void main(String[] args) {
        Path paper = null;
        Path labels = null;
        Path dir = null;
        int n = 200;
        int threads = 1;
        int batch = OnnxJudge.Options.defaults().maxBatch();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--paper" -> paper = Path.of(args[++i]);
                case "--labels" -> labels = Path.of(args[++i]);
                case "--judge" -> dir = Path.of(args[++i]);
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<LabelledItem> items = paper != null ? PaperLabels.read(paper).items() : LabelsFile.read(labels);
        // A spread of replies: every k-th item, distinct texts only.
        List<JudgeInput> inputs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int step = Math.max(1, items.size() / n);
        for (int i = 0; i < items.size() && inputs.size() < n; i += step) {
            if (seen.add(items.get(i).response())) {
                inputs.add(items.get(i).input());
            }
        }
        OnnxJudge.Options options = new OnnxJudge.Options(threads, batch);
        Path judgeDir = dir == null ? org.mhbench.util.Home.resolve(OnnxJudge.DEFAULT_DIR) : dir;
        try (OnnxJudge judge = OnnxJudge.load(judgeDir, options);
             TextEncoder encoder = TextEncoder.open(EncoderSpec.byId(judge.manifest().encoder().id()).orElseThrow(),
                     threads, batch)) {
            // warm-up on a few items, then one timed pass each, alternating, twice
            rawEncoder(encoder, inputs.subList(0, Math.min(10, inputs.size())));
            judge(judge, inputs.subList(0, Math.min(10, inputs.size())));
            double chars = inputs.stream().mapToInt(in -> in.response().length()).average().orElse(0);
            System.out.printf(Locale.ROOT, "%d replies, mean %.0f characters, %d thread(s), batches of at most %d%n",
                    inputs.size(), chars, threads, batch);
            for (int round = 0; round < 2; round++) {
                Result raw = rawEncoder(encoder, inputs);
                Result j = judge(judge, inputs);
                System.out.printf(Locale.ROOT, "%-60s %7.1f items/s%n", raw.what(), raw.itemsPerSecond());
                System.out.printf(Locale.ROOT, "%-60s %7.1f items/s  (ratio to raw encoder %.2f)%n", j.what(),
                        j.itemsPerSecond(), j.itemsPerSecond() / raw.itemsPerSecond());
            }
        }
    }
}
