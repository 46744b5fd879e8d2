package org.mhbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.judge.eval.AgreementTable;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.labels.PaperLabels;
import org.mhbench.judge.onnx.EncoderSpec;
import org.mhbench.judge.onnx.FeatureExtractor;
import org.mhbench.judge.onnx.JudgeManifest;
import org.mhbench.judge.onnx.JudgeTrainer;
import org.mhbench.judge.onnx.ReplyFeatures;
import org.mhbench.judge.onnx.TextEncoder;
import org.mhbench.judge.onnx.TrainingSet;
import org.mhbench.judge.onnx.VectorCache;
import org.mhbench.responses.ResponseStimulus;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.review.ReviewedLabels;
import org.mhbench.util.Hashing;
import org.mhbench.util.Home;
import org.mhbench.util.Json;
import org.mhbench.util.Plural;
import org.mhbench.util.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench train-judge}: trains an ONNX judge folder from the paper's released labels and/or
 * labels files, reproducibly (seeded), optionally with a leave-one-source-out evaluation.
 */
@Command(name = "train-judge", mixinStandardHelpOptions = true,
        description = {"Train the offline ONNX judge: a frozen sentence encoder plus trained heads, one per criterion.",
                "Labels come from the paper's results (--from-paper: the Llama runs' gpt-4o labels; gpt-4o's own "
                        + "runs are left out so its human-annotated rows stay a fair test) and/or labels files "
                        + "(--labels, lines {id, criterion, question, query, response, label[, source]}).",
                "The judge answers each criterion's question as worded in the stimuli (--stimuli); it is recorded "
                        + "in DIR/judge.json with the SHA-256 of the training data.",
                "Its name carries the first 8 hex digits of that SHA-256 unless --id is given, so a judge trained "
                        + "on other data never takes another judge's name (and 'mhbench judge' never takes its "
                        + "verdicts for another's).",
                "The shipped judge (models/judge) was made with: mhbench train-judge --from-paper ../shared/paper "
                        + "--labels models/judge/train-supplement.jsonl --labels models/judge/train-coverage.jsonl "
                        + "--id mhbench-judge-e5s --judge-version 2 --out models/judge"})
public final class TrainJudgeCommand implements Callable<Integer> {

    @Option(names = "--from-paper", paramLabel = "DIR", description = "The paper's repository folder (holding "
            + "results/interjections).")
    Path fromPaper;

    @Option(names = "--labels", paramLabel = "FILE.jsonl|RUN_DIR", description = "A labels file, or a run folder "
            + "whose verdicts people settled with 'mhbench review' (their human:NAME verdicts become labels, the "
            + "model that wrote each reply its source); repeatable, and may be combined with --from-paper.")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mhbench-judge",
            description = "Folder to write judge.json and head.onnx to (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the starting weights (default: ${DEFAULT-VALUE}). Same data and seed, same files.")
    long seed;

    @Option(names = "--stimuli", paramLabel = "DIR", description = "Stimulus folder holding responses/ (default: "
            + "the checkout's stimuli/): the question the judge answers for each criterion. Criteria not in it "
            + "keep the question most of their labels carry.")
    Path stimuliDir;

    @Option(names = "--encoder", paramLabel = "ID", defaultValue = "e5-small-v2-q",
            description = "Sentence encoder: e5-small-v2-q or all-minilm-l6-v2-q (default: ${DEFAULT-VALUE}).")
    String encoderId;

    @Option(names = "--id", paramLabel = "NAME", description = "The judge's name; its id is onnx:NAME (default: "
            + "mhbench-judge-<encoder>-<first 8 hex digits of the training data's SHA-256>, e.g. "
            + "mhbench-judge-e5s-1a2b3c4d).")
    String name;

    @Option(names = "--judge-version", paramLabel = "V", defaultValue = "1",
            description = "The judge's version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--evaluate", description = "Also run a leave-one-source-out evaluation (e.g. leave one model "
            + "out): each source is held out with every text it shares, and predicted by a judge fitted on the rest.")
    boolean evaluate;

    @Option(names = "--evaluate-json", paramLabel = "FILE", description = "Write the evaluation's numbers as JSON.")
    Path evaluateJson;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime threads of the encoder (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--vector-cache", paramLabel = "FILE", description = "Keep encoder outputs in FILE and reuse "
            + "them on the next run (speeds up retraining; the file can be large).")
    Path vectorCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (fromPaper == null && labels.isEmpty()) {
            throw new UserError("give --from-paper DIR and/or --labels FILE.jsonl|RUN_DIR");
        }
        if (threads < 1) {
            throw new UserError("--threads must be 1 or more, got " + threads);
        }
        EncoderSpec encoderSpec = EncoderSpec.byId(encoderId).orElseThrow(() -> new UserError("unknown encoder "
                + encoderId + " (known: " + EncoderSpec.KNOWN.stream().map(EncoderSpec::id).toList() + ")"));
        List<LabelledItem> items = new ArrayList<>();
        Map<String, Object> training = new LinkedHashMap<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        if (fromPaper != null) {
            PaperLabels.Result paper = PaperLabels.read(fromPaper);
            items.addAll(paper.items());
            paper.counts().forEach((k, v) -> err.printf("paper: %s: %d%n", k, v));
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("paper_files", paper.files());
            source.put("items", paper.items().size());
            sources.add(source);
        }
        for (Path f : labels) {
            Map<String, Object> source = new LinkedHashMap<>();
            List<LabelledItem> l;
            if (ReviewedLabels.isRunFolder(f)) {
                l = readReviewed(f);
                source.put("reviewed_run", f.toAbsolutePath().normalize().getFileName().toString());
                source.put("sha256", Hashing.sha256(labelsText(l)));
            } else if (Files.isRegularFile(f)) {
                l = LabelsFile.read(f);
                source.put("labels_file", f.getFileName().toString());
                source.put("sha256", Hashing.sha256(f));
            } else {
                throw new UserError("no such labels file or run folder: " + f);
            }
            items.addAll(l);
            err.printf("%s: %s%n", f, Plural.of(l.size(), "labelled reply", "labelled replies"));
            source.put("items", l.size());
            sources.add(source);
        }
        training.put("sources", sources);
        TrainingSet set = TrainingSet.of(items, questions());
        err.printf("%s (%s merged, %s with conflicting labels dropped), %s%n",
                Plural.of(set.examples().size(), "distinct reply", "distinct replies"),
                Plural.of(set.duplicates(), "duplicate"), Plural.of(set.conflicts(), "text"),
                Plural.of(set.criteria().size(), "criterion", "criteria"));
        JudgeTrainer.Settings settings = JudgeTrainer.Settings.defaults().withSeed(seed);
        try (TextEncoder encoder = TextEncoder.open(encoderSpec, threads, 1)) {
            VectorCache cache = vectorCache == null ? null : VectorCache.open(vectorCache);
            JudgeTrainer trainer = new JudgeTrainer(new FeatureExtractor(encoder, cache), settings, err::println);
            List<ReplyFeatures> features = trainer.features(set);
            if (cache != null) {
                cache.save();
            }
            if (evaluate) {
                evaluate(trainer, set, features, settings, err);
            }
            JudgeTrainer.Trained trained = trainer.train(set, features, null);
            JudgeManifest m = trainer.write(out, "onnx:" + (name != null ? name : defaultName(encoderSpec, set)),
                    version, set, trained, training);
            err.printf("wrote %s (%s %s, training data sha256 %s)%n", out.resolve(JudgeManifest.FILE), m.id(),
                    m.version(), m.trainingDataSha256());
        }
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * {@code mhbench-judge-<encoder>-<sha8>}: a judge's default name says what it was trained on, so two
     * judges trained on different data never share one.
     */
    static String defaultName(EncoderSpec encoder, TrainingSet set) {
        String tag = switch (encoder.id()) {
            case "e5-small-v2-q" -> "e5s";
            case "all-minilm-l6-v2-q" -> "minilm";
            default -> encoder.id();
        };
        return "mhbench-judge-" + tag + "-" + set.sha256().substring(0, 8);
    }

    private void evaluate(JudgeTrainer trainer, TrainingSet set, List<ReplyFeatures> features,
                          JudgeTrainer.Settings s, PrintWriter err) {
        PrintWriter out = spec.commandLine().getOut();
        JudgeTrainer.HeldOut held = trainer.leaveOneSourceOut(set, features);
        Agreement all = held.agreement(s.threshold(), s.reviewLow(), s.reviewHigh());
        out.println("leave-one-source-out agreement with the labels (" + Plural.of(held.sources().size(), "source") + "):");
        AgreementTable.lines(all).forEach(out::println);
        Map<String, Object> json = AgreementTable.json(all);
        Map<String, Object> perSource = new LinkedHashMap<>();
        for (String source : held.sources()) {
            Agreement a = held.agreement(s.threshold(), s.reviewLow(), s.reviewHigh(), source);
            out.printf(Locale.ROOT, "held out %-45s n=%4d accuracy=%s kappa=%s%n", source, a.overall().n(),
                    AgreementTable.fmt(a.overall().accuracy()), AgreementTable.fmt(a.overall().kappa()));
            perSource.put(source, AgreementTable.json(a));
        }
        json.put("per_source", perSource);
        json.put("review", reviewStats(held, s));
        out.flush();
        if (evaluateJson != null) {
            try {
                String text = Json.PRETTY.writeValueAsString(json) + "\n";
                PrivateFiles.replace(evaluateJson, tmp -> Files.writeString(tmp, text));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** How well the review band separates likely errors: flagged share, accuracy inside and outside. */
    private Map<String, Object> reviewStats(JudgeTrainer.HeldOut held, JudgeTrainer.Settings s) {
        int in = 0;
        int inRight = 0;
        int outside = 0;
        int outRight = 0;
        for (int i = 0; i < held.pYes().length; i++) {
            double p = held.pYes()[i];
            if (Double.isNaN(p)) {
                continue;
            }
            boolean right = (p >= s.threshold()) == held.set().examples().get(i).yes();
            if (p > s.reviewLow() && p < s.reviewHigh()) {
                in++;
                inRight += right ? 1 : 0;
            } else {
                outside++;
                outRight += right ? 1 : 0;
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "review band (%.2f, %.2f): %d flagged (%.1f%%), accuracy "
                        + "%.3f inside, %.3f outside%n", s.reviewLow(), s.reviewHigh(), in,
                100.0 * in / Math.max(1, in + outside), (double) inRight / Math.max(1, in),
                (double) outRight / Math.max(1, outside));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("flagged", in);
        r.put("accuracy_flagged", in == 0 ? null : (double) inRight / in);
        r.put("accuracy_not_flagged", outside == 0 ? null : (double) outRight / outside);
        return r;
    }

    /** The items as a labels file would hold them: what the source's SHA-256 is taken of. */
    private static String labelsText(List<LabelledItem> items) {
        StringBuilder b = new StringBuilder();
        try {
            for (LabelledItem i : items) {
                b.append(Json.MAPPER.writeValueAsString(i)).append('\n');
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    /** People's verdicts in a reviewed run folder ({@code mhbench review}). */
    static List<LabelledItem> readReviewed(Path runDir) {
        try {
            return ReviewedLabels.read(runDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + runDir, e);
        }
    }

    private Map<String, String> questions() {
        Path root = stimuliDir != null ? stimuliDir : Home.resolve("stimuli");
        Path dir = root.resolve(ResponsesStimuli.FOLDER);
        Map<String, String> q = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            if (stimuliDir != null) {
                throw new UserError("stimulus folder not found: " + dir);
            }
            return q;
        }
        for (ResponseStimulus s : ResponsesStimuli.load(dir).stimuli()) {
            q.put(s.id(), s.question());
        }
        return q;
    }
}
