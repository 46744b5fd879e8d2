package org.mhbench.judge.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.judge.eval.ConfusionMatrix;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.labels.PaperLabels;
import org.mhbench.util.Home;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * The measurements behind models/judge/README.md's review flags: trains the judge as {@code train-judge}
 * does (same data, settings, seed), then
 * <ol>
 *   <li>leave one source (model) out: κ per criterion, and per held-out fold the review band and the
 *       out-of-distribution flags ({@link OutOfDistribution}, fitted on that fold's training data);</li>
 *   <li>for each {@code --test} labels file (never trained on), with the judge fitted on all the data:
 *       κ, the share flagged (band or out of distribution), how many of the judge's errors the flags
 *       catch, and κ when flagged verdicts are settled correctly by a person.</li>
 * </ol>
 * Several {@code --quantile} values compare similarity floors, several {@code --unsourced-weight} values the
 * weight of hand-written labels; {@code --cv-labels FILE} adds a 5-fold cross-validation of that file's
 * replies (the rest always in training). Each criterion's question is the one the shipped judge answers
 * (models/judge/judge.json), which is the stimuli's wording that {@code train-judge} uses.
 *
 * <p>A study tool, kept with the tests (it prints, and is no part of mhbench): after {@code mvn package},
 * <pre>java -cp target/test-classes:target/mhbench.jar:target/lib/* org.mhbench.judge.onnx.JudgeStudy --paper DIR
 *     --labels FILE.jsonl... --test FILE.jsonl... [--cv-labels FILE.jsonl] [--quantile Q]...
 *     [--unsourced-weight W]... [--vector-cache FILE] [--json OUT]</pre>
 */
public final class JudgeStudy {

    private JudgeStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path paper = null;
        Path cacheFile = null;
        Path jsonOut = null;
        List<Path> labels = new ArrayList<>();
        List<Path> tests = new ArrayList<>();
        List<Double> quantiles = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Path cvLabels = null;
        double temperature = JudgeTrainer.Settings.defaults().temperature();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--paper" -> paper = Path.of(args[++i]);
                case "--labels" -> labels.add(Path.of(args[++i]));
                case "--test" -> tests.add(Path.of(args[++i]));
                case "--quantile" -> quantiles.add(Double.parseDouble(args[++i]));
                case "--vector-cache" -> cacheFile = Path.of(args[++i]);
                case "--json" -> jsonOut = Path.of(args[++i]);
                case "--unsourced-weight" -> weights.add(Double.parseDouble(args[++i]));
                case "--cv-labels" -> cvLabels = Path.of(args[++i]);
                case "--temperature" -> temperature = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (quantiles.isEmpty()) {
            quantiles.add(OutOfDistribution.DEFAULT_QUANTILE);
        }
        List<LabelledItem> items = new ArrayList<>();
        if (paper != null) {
            items.addAll(PaperLabels.read(paper).items());
        }
        for (Path f : labels) {
            items.addAll(LabelsFile.read(f));
        }
        // the questions train-judge takes from stimuli/responses, as the shipped judge records them
        Map<String, String> questions = new LinkedHashMap<>();
        JudgeManifest.read(Home.resolve(OnnxJudge.DEFAULT_DIR)).criteria().forEach(c -> questions.put(c.id(),
                c.question()));
        TrainingSet set = TrainingSet.of(items, questions);
        if (weights.isEmpty()) {
            weights.add(JudgeTrainer.Settings.defaults().unsourcedWeight());
        }
        java.util.Set<String> cv = new java.util.HashSet<>();
        if (cvLabels != null) {
            LabelsFile.read(cvLabels).forEach(it -> cv.add(it.criterion() + "\t" + it.response()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        try (TextEncoder encoder = TextEncoder.open(EncoderSpec.byId("e5-small-v2-q").orElseThrow(), 1, 1)) {
            VectorCache cache = cacheFile == null ? null : VectorCache.open(cacheFile);
            FeatureExtractor extractor = new FeatureExtractor(encoder, cache);
            List<ReplyFeatures> features = new JudgeTrainer(extractor, JudgeTrainer.Settings.defaults(), s -> { })
                    .features(set);
            List<List<LabelledItem>> testItems = new ArrayList<>();
            List<List<ReplyFeatures>> testFeatures = new ArrayList<>();
            for (Path t : tests) {
                List<LabelledItem> l = LabelsFile.read(t);
                testItems.add(l);
                List<FeatureExtractor.Reply> replies = new ArrayList<>();
                for (LabelledItem it : l) {
                    replies.add(new FeatureExtractor.Reply(set.questions().get(it.criterion()), it.response()));
                }
                testFeatures.add(extractor.extract(replies));
            }
            if (cache != null) {
                cache.save();
            }
            for (double w : weights) {
            JudgeTrainer.Settings d = JudgeTrainer.Settings.defaults().withUnsourcedWeight(w);
            JudgeTrainer.Settings settings = new JudgeTrainer.Settings(d.sentenceL2(), d.pairL2(), d.balanced(),
                    temperature, d.maxIterations(), d.seed(), d.threads(), d.threshold(), d.reviewLow(),
                    d.reviewHigh(), d.unsourcedWeight());
            JudgeTrainer trainer = new JudgeTrainer(extractor, settings, s -> { });
            System.out.println("== unsourced weight " + w);
            json.put("leave_one_source_out w=" + w, lomo(trainer, set, features, settings, quantiles));
            if (!cv.isEmpty()) {
                json.put("cross_validation w=" + w, crossValidate(trainer, set, features, settings, quantiles, cv));
            }
            JudgeTrainer.Trained all = trainer.train(set, features, null);
            Map<String, Object> perTest = new LinkedHashMap<>();
            for (double q : quantiles) {
                OutOfDistribution ood = OutOfDistribution.fit(set, features, null, q);
                for (int t = 0; t < tests.size(); t++) {
                    List<Row> rows = new ArrayList<>();
                    for (int i = 0; i < testItems.get(t).size(); i++) {
                        LabelledItem it = testItems.get(t).get(i);
                        ReplyFeatures f = testFeatures.get(t).get(i);
                        int k = all.weights().indexOf(it.criterion());
                        double p = HeadWeights.sigmoid(all.weights().logit(k, f));
                        rows.add(new Row(it.criterion(), it.yes(), p, ood.check(it.criterion(), f).orElse(null),
                                it.id() + " | " + it.response().replaceAll("\\s+", " ")));
                    }
                    String name = tests.get(t).getFileName() + " q=" + q;
                    perTest.put(name, report(name, rows, settings, true));
                }
            }
            json.put("tests w=" + w, perTest);
            }
        }
        if (jsonOut != null) {
            String text = Json.PRETTY.writeValueAsString(json) + "\n";
            PrivateFiles.replace(jsonOut, tmp -> Files.writeString(tmp, text));
        }
    }

    /** One judged item. */
    record Row(String criterion, boolean yes, double p, String ood, String what) {
    }

    private static Map<String, Object> lomo(JudgeTrainer trainer, TrainingSet set, List<ReplyFeatures> features,
                                            JudgeTrainer.Settings settings, List<Double> quantiles) {
        TreeSet<String> sources = new TreeSet<>();
        set.examples().forEach(e -> sources.addAll(e.sources()));
        int n = set.examples().size();
        double[] sum = new double[n];
        int[] count = new int[n];
        String[][] reasons = new String[quantiles.size()][n];
        for (String source : sources) {
            boolean[] train = new boolean[n];
            for (int i = 0; i < n; i++) {
                train[i] = !set.examples().get(i).sources().contains(source);
            }
            JudgeTrainer.Trained t = trainer.train(set, features, train);
            List<OutOfDistribution> oods = new ArrayList<>();
            for (double q : quantiles) {
                oods.add(OutOfDistribution.fit(set, features, train, q));
            }
            for (int i = 0; i < n; i++) {
                if (train[i]) {
                    continue;
                }
                String c = set.examples().get(i).criterion();
                int k = t.weights().indexOf(c);
                if (k < 0) {
                    continue;
                }
                sum[i] += HeadWeights.sigmoid(t.weights().logit(k, features.get(i)));
                count[i]++;
                for (int qi = 0; qi < quantiles.size(); qi++) {
                    if (reasons[qi][i] == null) {
                        reasons[qi][i] = oods.get(qi).check(c, features.get(i)).orElse(null);
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int qi = 0; qi < quantiles.size(); qi++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (count[i] > 0) {
                    TrainingSet.Example e = set.examples().get(i);
                    rows.add(new Row(e.criterion(), e.yes(), sum[i] / count[i], reasons[qi][i], e.id()));
                }
            }
            String name = "leave one source out, q=" + quantiles.get(qi);
            out.put("q=" + quantiles.get(qi), report(name, rows, settings, false));
        }
        return out;
    }

    /** 5-fold cross-validation over the examples named in cv (by criterion and text); the rest always train. */
    private static Map<String, Object> crossValidate(JudgeTrainer trainer, TrainingSet set, List<ReplyFeatures> features,
                                                     JudgeTrainer.Settings settings, List<Double> quantiles,
                                                     java.util.Set<String> cv) {
        int n = set.examples().size();
        int[] fold = new int[n];
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            TrainingSet.Example e = set.examples().get(i);
            fold[i] = -1;
            if (cv.contains(e.criterion() + "\t" + e.response())) {
                fold[i] = rank.merge(e.criterion() + e.yes(), 1, Integer::sum) % 5;
            }
        }
        double[] p = new double[n];
        String[][] reasons = new String[quantiles.size()][n];
        for (int f = 0; f < 5; f++) {
            boolean[] train = new boolean[n];
            for (int i = 0; i < n; i++) {
                train[i] = fold[i] != f;
            }
            JudgeTrainer.Trained t = trainer.train(set, features, train);
            List<OutOfDistribution> oods = new ArrayList<>();
            for (double q : quantiles) {
                oods.add(OutOfDistribution.fit(set, features, train, q));
            }
            for (int i = 0; i < n; i++) {
                if (!train[i]) {
                    String c = set.examples().get(i).criterion();
                    p[i] = HeadWeights.sigmoid(t.weights().logit(t.weights().indexOf(c), features.get(i)));
                    for (int qi = 0; qi < quantiles.size(); qi++) {
                        reasons[qi][i] = oods.get(qi).check(c, features.get(i)).orElse(null);
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int qi = 0; qi < quantiles.size(); qi++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] >= 0) {
                    TrainingSet.Example e = set.examples().get(i);
                    rows.add(new Row(e.criterion(), e.yes(), p[i], reasons[qi][i], e.id()));
                }
            }
            out.put("q=" + quantiles.get(qi), report("5-fold CV of hand-written, q=" + quantiles.get(qi), rows, settings,
                    false));
        }
        return out;
    }

    private static Map<String, Object> report(String name, List<Row> rows, JudgeTrainer.Settings s,
                                              boolean showErrors) {
        List<Agreement.Pair> judged = new ArrayList<>();
        List<Agreement.Pair> settled = new ArrayList<>();
        int band = 0;
        int ood = 0;
        int flagged = 0;
        int errors = 0;
        int caught = 0;
        Map<String, int[]> reasons = new LinkedHashMap<>();
        for (Row r : rows) {
            boolean yes = r.p >= s.threshold();
            boolean inBand = r.p > s.reviewLow() && r.p < s.reviewHigh();
            boolean flag = inBand || r.ood != null;
            band += inBand ? 1 : 0;
            ood += r.ood != null ? 1 : 0;
            flagged += flag ? 1 : 0;
            boolean wrong = yes != r.yes;
            errors += wrong ? 1 : 0;
            caught += wrong && flag ? 1 : 0;
            if (r.ood != null) {
                String kind = r.ood.replaceAll(" \\(.*", "").replaceAll("'[a-z]+'", "C");
                int[] c = reasons.computeIfAbsent(kind, k -> new int[2]);
                c[0]++;
                c[1] += wrong ? 1 : 0;
            }
            judged.add(new Agreement.Pair(r.criterion, r.yes, yes, flag));
            settled.add(new Agreement.Pair(r.criterion, r.yes, flag ? r.yes : yes, flag));
            if (showErrors && (wrong || r.ood != null)) {
                System.out.printf(Locale.ROOT, "  %s p=%.2f %s%s | %.110s%n", wrong ? "ERR " : "ood ", r.p,
                        inBand ? "[band] " : "", r.ood == null ? "" : "[" + r.ood.replaceAll("out of distribution: ", "")
                                + "] ", r.what);
            }
        }
        Agreement a = Agreement.of(judged);
        Agreement b = Agreement.of(settled);
        System.out.printf(Locale.ROOT, "%s: n=%d kappa=%.3f acc=%.3f | flagged %d (%.1f%%: band %d, ood %d) | "
                        + "errors %d, caught %d | kappa after settling %.3f%n", name, rows.size(),
                a.overall().kappa(), a.overall().accuracy(), flagged, 100.0 * flagged / rows.size(), band, ood, errors,
                caught, b.overall().kappa());
        StringBuilder per = new StringBuilder("   ");
        Map<String, Object> perCriterion = new LinkedHashMap<>();
        for (Map.Entry<String, ConfusionMatrix> e : a.perCriterion().entrySet()) {
            per.append(String.format(Locale.ROOT, " %s %.3f", e.getKey(), e.getValue().kappa()));
            perCriterion.put(e.getKey(), Double.isNaN(e.getValue().kappa()) ? null : e.getValue().kappa());
        }
        System.out.println(per);
        reasons.forEach((k, v) -> System.out.printf("    ood %-70s %d (of which judge wrong %d)%n", k, v[0], v[1]));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", rows.size());
        m.put("kappa", a.overall().kappa());
        m.put("accuracy", a.overall().accuracy());
        m.put("per_criterion_kappa", perCriterion);
        m.put("flagged", flagged);
        m.put("flagged_band", band);
        m.put("flagged_ood", ood);
        m.put("errors", errors);
        m.put("errors_flagged", caught);
        m.put("kappa_after_settling", b.overall().kappa());
        return m;
    }
}
