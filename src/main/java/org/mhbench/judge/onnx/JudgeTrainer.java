package org.mhbench.judge.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.util.BadInputException;
import org.mhbench.util.Plural;
import org.mhbench.util.PrivateFiles;

/**
 * Trains an ONNX judge: encodes every example once ({@link FeatureExtractor}), fits one head column per
 * criterion ({@link HeadTrainer}), and writes the judge folder ({@code judge.json}, {@code head.onnx} and
 * {@link TrainingTexts#FILE}), owner-only like every output of mhbench.
 * Reproducible: the same examples, settings and seed give byte-identical files (criteria are fitted
 * in parallel, but each fit is single-threaded and independent of the others).
 *
 * <p>{@link #leaveOneSourceOut} is the honest evaluation: each source (e.g. model) in turn is held out
 * together with every text it shares with other sources, a judge is fitted on the rest, and the
 * held-out texts are predicted.
 */
public final class JudgeTrainer {

    /**
     * @param sentenceL2     L2 penalty of the sentence weights (default 20)
     * @param pairL2         L2 penalty of the (question, reply) weights (default 60)
     * @param balanced       weight yes and no equally in each criterion's loss (default true)
     * @param temperature    log-mean-exp temperature {@code r} (default 1)
     * @param maxIterations  L-BFGS iterations per criterion (default 500)
     * @param seed           seed of the starting weights (default 42)
     * @param threads        criteria fitted at once (default: the number of cores)
     * @param threshold      p_yes at and above which the answer is yes (default 0.5)
     * @param reviewLow      lower end of the review band (default 0.2)
     * @param reviewHigh     upper end of the review band (default 0.8)
     * @param unsourcedWeight weight of a reply without a source (our hand-written labels files) relative to
     *                       one with a source (the paper's rows) in its criterion's loss (default 0.5, chosen by
     *                       cross-validation; see models/judge/README.md)
     */
    public record Settings(double sentenceL2, double pairL2, boolean balanced, double temperature, int maxIterations,
                           long seed, int threads, double threshold, double reviewLow, double reviewHigh,
                           double unsourcedWeight) {

        public static Settings defaults() {
            return new Settings(20, 60, true, 1, 500, 42, Math.max(1, Runtime.getRuntime().availableProcessors()), 0.5,
                    0.2, 0.8, 0.5);
        }

        public Settings withSeed(long s) {
            return new Settings(sentenceL2, pairL2, balanced, temperature, maxIterations, s, threads, threshold,
                    reviewLow, reviewHigh, unsourcedWeight);
        }

        public Settings withThreads(int t) {
            return new Settings(sentenceL2, pairL2, balanced, temperature, maxIterations, seed, t, threshold, reviewLow,
                    reviewHigh, unsourcedWeight);
        }

        public Settings withUnsourcedWeight(double w) {
            return new Settings(sentenceL2, pairL2, balanced, temperature, maxIterations, seed, threads, threshold,
                    reviewLow, reviewHigh, w);
        }

        HeadTrainer.Settings head() {
            return new HeadTrainer.Settings(sentenceL2, pairL2, temperature, maxIterations, balanced);
        }
    }

    /** A trained head with its per-criterion training counts and out-of-distribution statistics. */
    public record Trained(HeadWeights weights, Map<String, int[]> counts, OutOfDistribution ood) {
    }

    /** Out-of-sample predictions of {@link #leaveOneSourceOut}: one {@code p_yes} per example (NaN if none). */
    public record HeldOut(TrainingSet set, double[] pYes, List<String> sources) {

        /** Agreement at the given threshold and review band, over examples that got a prediction. */
        public Agreement agreement(double threshold, double low, double high) {
            return agreement(threshold, low, high, null);
        }

        /** The same, restricted to one source's examples ({@code null}: all). */
        public Agreement agreement(double threshold, double low, double high, String source) {
            List<Agreement.Pair> pairs = new ArrayList<>();
            for (int i = 0; i < pYes.length; i++) {
                TrainingSet.Example e = set.examples().get(i);
                if (Double.isNaN(pYes[i]) || (source != null && !e.sources().contains(source))) {
                    continue;
                }
                pairs.add(new Agreement.Pair(e.criterion(), e.yes(), pYes[i] >= threshold,
                        pYes[i] > low && pYes[i] < high));
            }
            return Agreement.of(pairs);
        }
    }

    private final Settings settings;
    private final FeatureExtractor extractor;
    private final Consumer<String> log;

    public JudgeTrainer(FeatureExtractor extractor, Settings settings, Consumer<String> log) {
        this.extractor = extractor;
        this.settings = settings;
        this.log = log;
    }

    /** Encodes every example (with its criterion's question). */
    public List<ReplyFeatures> features(TrainingSet set) {
        List<FeatureExtractor.Reply> replies = new ArrayList<>(set.examples().size());
        for (TrainingSet.Example e : set.examples()) {
            replies.add(new FeatureExtractor.Reply(set.questions().get(e.criterion()), e.response()));
        }
        log.accept("encoding " + Plural.of(replies.size(), "reply") + " with " + extractor.encoder().spec().id() + " ...");
        long t0 = System.nanoTime();
        List<ReplyFeatures> f = extractor.extract(replies);
        log.accept(String.format("encoded in %.0f s", (System.nanoTime() - t0) / 1e9));
        return f;
    }

    /** Fits every criterion that has both labels among the chosen examples. */
    public Trained train(TrainingSet set, List<ReplyFeatures> features, boolean[] use) {
        Map<String, List<Integer>> byCriterion = new TreeMap<>();
        for (int i = 0; i < set.examples().size(); i++) {
            if (use == null || use[i]) {
                byCriterion.computeIfAbsent(set.examples().get(i).criterion(), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> criteria = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : byCriterion.entrySet()) {
            int yes = (int) e.getValue().stream().filter(i -> set.examples().get(i).yes()).count();
            if (yes == 0 || yes == e.getValue().size()) {
                log.accept("skipping criterion " + e.getKey() + ": its examples all carry one label");
                continue;
            }
            criteria.add(e.getKey());
            counts.put(e.getKey(), new int[] {e.getValue().size(), yes});
        }
        if (criteria.isEmpty()) {
            throw new BadInputException("nothing to train: no criterion has examples of both labels");
        }
        int d = features.get(0).pair().length;
        float[][] ws = new float[criteria.size()][];
        float[][] wg = new float[criteria.size()][];
        float[] b = new float[criteria.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), criteria.size())));
        try {
            List<Future<HeadTrainer.Column>> fits = new ArrayList<>();
            for (String c : criteria) {
                List<Integer> idx = byCriterion.get(c);
                List<ReplyFeatures> bags = new ArrayList<>(idx.size());
                int[] y = new int[idx.size()];
                double[] scale = new double[idx.size()];
                for (int j = 0; j < idx.size(); j++) {
                    bags.add(features.get(idx.get(j)));
                    y[j] = set.examples().get(idx.get(j)).yes() ? 1 : 0;
                    scale[j] = set.examples().get(idx.get(j)).sources().isEmpty() ? settings.unsourcedWeight() : 1;
                }
                long seed = settings.seed() * 31 + c.hashCode();
                fits.add(pool.submit(() -> HeadTrainer.fit(bags, y, settings.unsourcedWeight() == 1 ? null : scale,
                        settings.head(), seed)));
            }
            for (int k = 0; k < criteria.size(); k++) {
                HeadTrainer.Column col = fits.get(k).get();
                ws[k] = col.sentence();
                wg[k] = col.pair();
                b[k] = col.bias();
                if (!col.converged()) {
                    log.accept("note: " + criteria.get(k) + " stopped after " + col.iterations()
                            + " iterations before converging");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Trained(new HeadWeights(criteria, d, ws, wg, b, settings.temperature()), counts,
                OutOfDistribution.fit(set, features, use, OutOfDistribution.DEFAULT_QUANTILE));
    }

    /**
     * Writes a judge folder, owner-only: {@code head.onnx}, {@code judge.json}, the out-of-distribution
     * statistics ({@value OutOfDistribution#FILE}) and the training texts' hashes.
     *
     * @param training extra facts for the manifest's {@code training} record (sources, counts)
     */
    public JudgeManifest write(Path dir, String id, String version, TrainingSet set, Trained trained,
                               Map<String, Object> training) {
        byte[] head = HeadModel.toOnnx(trained.weights());
        byte[] ood = trained.ood().toBytes();
        TextEncoder enc = extractor.encoder();
        EncoderSpec spec = enc.spec();
        List<JudgeManifest.Criterion> criteria = new ArrayList<>();
        for (String c : trained.weights().criteria()) {
            int[] n = trained.counts().get(c);
            criteria.add(new JudgeManifest.Criterion(c, set.questions().get(c), settings.threshold(), n[0], n[1]));
        }
        Map<String, Object> record = new LinkedHashMap<>(training);
        record.put("examples", set.examples().size());
        record.put("duplicates_merged", set.duplicates());
        record.put("conflicting_texts_dropped", set.conflicts());
        record.put("seed", settings.seed());
        record.put("sentence_l2", settings.sentenceL2());
        record.put("pair_l2", settings.pairL2());
        record.put("balanced", settings.balanced());
        record.put("max_iterations", settings.maxIterations());
        if (settings.unsourcedWeight() != 1) {
            record.put("unsourced_weight", settings.unsourcedWeight());
        }
        JudgeManifest manifest = new JudgeManifest(JudgeManifest.FORMAT, id, version, set.sha256(),
                new JudgeManifest.Encoder(spec.id(), enc.modelSha256(), enc.tokenizerSha256(), spec.queryPrefix(),
                        spec.passagePrefix(), spec.maxTokens()),
                new JudgeManifest.Head("head.onnx", TextEncoder.sha256(head), HeadModel.FORMAT,
                        "log-mean-exp over sentences + (question, reply) pair", settings.temperature()),
                List.of(settings.reviewLow(), settings.reviewHigh()), criteria, record,
                new JudgeManifest.Ood(OutOfDistribution.FILE, TextEncoder.sha256(ood), OutOfDistribution.FORMAT,
                        "mean of the sentence vectors, cosine to the nearest training reply of the criterion",
                        trained.ood().quantile(), trained.ood().summary()));
        try {
            PrivateFiles.directory(dir);
            PrivateFiles.replace(dir.resolve("head.onnx"), tmp -> Files.write(tmp, head));
            PrivateFiles.replace(dir.resolve(OutOfDistribution.FILE), tmp -> Files.write(tmp, ood));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TrainingTexts.write(dir, set);
        manifest.write(dir);
        return manifest;
    }

    /**
     * Leave-one-source-out: for each source, fits on the examples that do not carry it and predicts
     * those that do. An example with several sources is predicted once per source and its
     * probabilities averaged. Examples without a source are always in training.
     *
     * @throws BadInputException when fewer than two sources are present
     */
    public HeldOut leaveOneSourceOut(TrainingSet set, List<ReplyFeatures> features) {
        TreeSet<String> sources = new TreeSet<>();
        set.examples().forEach(e -> sources.addAll(e.sources()));
        if (sources.size() < 2) {
            throw new BadInputException("a leave-one-source-out evaluation needs labels from at least two "
                    + "sources (the 'source' field)");
        }
        int n = set.examples().size();
        double[] sum = new double[n];
        int[] count = new int[n];
        for (String source : sources) {
            boolean[] train = new boolean[n];
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean held = set.examples().get(i).sources().contains(source);
                train[i] = !held;
                if (held) {
                    test.add(i);
                }
            }
            log.accept("held out " + source + ": " + Plural.of(test.size(), "text"));
            Trained t = train(set, features, train);
            for (int i : test) {
                int k = t.weights().indexOf(set.examples().get(i).criterion());
                if (k >= 0) {
                    sum[i] += HeadWeights.sigmoid(t.weights().logit(k, features.get(i)));
                    count[i]++;
                }
            }
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return new HeldOut(set, p, List.copyOf(sources));
    }
}
