package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.mhbench.generate.GenerationException;
import org.mhbench.judge.Judge;
import org.mhbench.judge.Judges;
import org.mhbench.judge.Verdict;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.judge.eval.AgreementTable;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.review.ReviewedLabels;
import org.mhbench.judge.llm.JudgeFailedException;
import org.mhbench.judge.onnx.OnnxJudge;
import org.mhbench.judge.onnx.TrainingTexts;
import org.mhbench.util.Json;
import org.mhbench.util.Plural;
import org.mhbench.util.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench validate-judge}: how well a judge agrees with a labels file, overall and per
 * criterion; a failed check (exit 1) when Cohen's κ is below {@code --min-kappa}. Any judge: the ONNX
 * classifier (shipped or trained) or a local GGUF model ({@code llm:FILE.gguf}), so that a user who
 * needs a stronger judge than the shipped one can measure the one they bring before trusting it.
 */
@Command(name = "validate-judge", mixinStandardHelpOptions = true,
        description = {"Check a judge against labelled replies: n, accuracy, Cohen's kappa and the "
                + "confusion matrix, overall and per criterion.",
                "Labels: lines {id, criterion, question, query, response, label} (label = yes/no, the answer to the "
                        + "criterion question). Exit status 1 when kappa is below --min-kappa.",
                "Labels that are in an ONNX judge's own training data are counted and flagged at the top (the kappa "
                        + "is then no validation), with the agreement on the others; a kappa where most verdicts "
                        + "need review (unreadable or unsure answers) is flagged beside it."})
public final class ValidateJudgeCommand implements Callable<Integer> {

    /** Replies judged per call, between progress updates. */
    static final int BATCH = 16;

    @Option(names = "--labels", required = true, paramLabel = "FILE.jsonl|RUN_DIR", description = "The labelled "
            + "replies: a labels file, or a run folder whose verdicts people settled with 'mhbench review'.")
    Path labels;

    @Option(names = "--judge", paramLabel = "onnx|onnx:DIR|DIR|llm:FILE.gguf", defaultValue = Judges.DEFAULT,
            description = "The judge: onnx (the shipped classifier, models/judge), a judge folder written by "
                    + "train-judge, or llm:FILE.gguf (a local model asked the paper's question) (default: "
                    + "${DEFAULT-VALUE}).")
    String judge;

    @Option(names = "--min-kappa", paramLabel = "K", description = "Fail (exit 1) when the overall kappa is below K.")
    Double minKappa;

    @Option(names = "--json", paramLabel = "OUT", description = "Write {n, accuracy, kappa, per_criterion: {id: "
            + "{n, accuracy, kappa}}, needs_review, judge, training_overlap, not_in_training_data, warnings} to OUT "
            + "(undefined values as null).")
    Path json;

    @Option(names = "--show-errors", paramLabel = "N", defaultValue = "0",
            description = "Print up to N disagreements (id, label, p_yes, start of the reply).")
    int showErrors;

    @Mixin
    JudgeModelOptions judgeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws GenerationException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean reviewed = ReviewedLabels.isRunFolder(labels);
        if (!reviewed && !Files.isRegularFile(labels)) {
            throw new UserError("no such labels file or run folder: " + labels);
        }
        if (minKappa != null && !(minKappa >= -1 && minKappa <= 1)) {
            throw new UserError("--min-kappa must be between -1 and 1");
        }
        List<LabelledItem> items = reviewed ? TrainJudgeCommand.readReviewed(labels) : LabelsFile.read(labels);
        if (items.isEmpty()) {
            throw new UserError(labels + " holds no labelled replies");
        }
        try (Judge j = Judges.open(spec(judge), judgeOptions.setup(judgeOptions.stimuli(), null))) {
            TreeSet<String> unknown = new TreeSet<>();
            items.stream().map(LabelledItem::criterion).filter(c -> !j.supports(c)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                String knows = j instanceof OnnxJudge o ? " (it knows " + String.join(", ", o.criteria()) + ")" : "";
                throw new UserError("the judge " + j.info().id() + " was not trained for " + String.join(", ", unknown)
                        + knows + "; validate those with an LLM judge (--judge llm:FILE.gguf) or train one that "
                        + "knows them: mhbench train-judge --labels FILE.jsonl");
            }
            Overlap overlap = Overlap.of(j, items);
            // at the top, before the long part: a kappa on the judge's own training data is no validation
            overlap.warning().ifPresent(w -> out.println("WARNING: " + w));
            overlap.unknown().ifPresent(n -> err.println("note: " + n));
            out.flush();
            err.flush();
            long t0 = System.nanoTime();
            List<Verdict> verdicts = judge(j, items, err);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Agreement.Pair> pairs = new ArrayList<>();
            List<Agreement.Pair> unseen = new ArrayList<>();
            int shown = 0;
            for (int i = 0; i < items.size(); i++) {
                LabelledItem item = items.get(i);
                Verdict v = verdicts.get(i);
                Agreement.Pair pair = new Agreement.Pair(item.criterion(), item.yes(), v.yes(), v.needsReview());
                pairs.add(pair);
                if (!overlap.trainedOn(i)) {
                    unseen.add(pair);
                }
                if (item.yes() != v.yes() && shown < showErrors) {
                    shown++;
                    String text = item.response().replaceAll("\\s+", " ");
                    out.printf(Locale.ROOT, "disagree %s label=%s p_yes=%.2f%s | %s%n", item.id(), item.label(),
                            v.pYes(), v.needsReview() ? " (review)" : "", text.length() > 120
                                    ? text.substring(0, 120) + "…" : text);
                }
            }
            Agreement a = Agreement.of(pairs);
            out.printf("judge %s %s, labels %s%n", j.info().id(), j.info().version(), labels);
            AgreementTable.lines(a).forEach(out::println);
            Agreement fresh = overlap.count() > 0 && !unseen.isEmpty() ? Agreement.of(unseen) : null;
            if (fresh != null) {
                out.printf(Locale.ROOT, "on the %s not in its training data: accuracy %s, kappa %s%n",
                        Plural.of(fresh.overall().n(), "reply", "replies"),
                        AgreementTable.fmt(fresh.overall().accuracy()), AgreementTable.fmt(fresh.overall().kappa()));
            }
            err.printf(Locale.ROOT, "judged %s in %.1f s (%.1f replies/s)%n", Plural.of(items.size(), "reply"),
                    seconds, items.size() / seconds);
            if (json != null) {
                writeJson(j, a, overlap, fresh);
            }
            out.flush();
            err.flush();
            double kappa = a.overall().kappa();
            if (minKappa != null && !(kappa >= minKappa)) {
                err.printf(Locale.ROOT, "kappa %s is below --min-kappa %.3f%n", AgreementTable.fmt(kappa), minKappa);
                err.flush();
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }
    }

    /** Judges the items in batches, with a progress bar on stderr (as {@code run} has). */
    private static List<Verdict> judge(Judge j, List<LabelledItem> items, PrintWriter err) {
        List<Verdict> verdicts = new ArrayList<>(items.size());
        try (Progress progress = new Progress("validate", items.size(), 0, " replies", err)) {
            for (int from = 0; from < items.size(); from += BATCH) {
                List<LabelledItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                verdicts.addAll(j.judgeAll(batch.stream().map(LabelledItem::input).toList()));
                progress.stepBy(batch.size());
            }
        } catch (JudgeFailedException e) {
            throw new RunFailed(e.getMessage(), e);
        }
        return verdicts;
    }

    private void writeJson(Judge j, Agreement a, Overlap overlap, Agreement fresh) {
        Map<String, Object> doc = AgreementTable.json(a);
        Map<String, Object> judgeInfo = new LinkedHashMap<>();
        judgeInfo.put("id", j.info().id());
        judgeInfo.put("version", j.info().version());
        judgeInfo.put("training_data_sha256", j.info().trainingDataSha256());
        doc.put("judge", judgeInfo);
        doc.put("training_overlap", overlap.json());
        if (fresh != null) {
            doc.put("not_in_training_data", AgreementTable.json(fresh));
        }
        List<String> warnings = new ArrayList<>();
        overlap.warning().ifPresent(warnings::add);
        AgreementTable.reviewWarning(a).ifPresent(warnings::add);
        doc.put("warnings", warnings);
        try {
            String text = Json.PRETTY.writeValueAsString(doc) + "\n";
            PrivateFiles.replace(json, tmp -> Files.writeString(tmp, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many labelled replies the judge was trained on, by the hashes its folder keeps
     * ({@link TrainingTexts}).
     *
     * @param trained   per item, whether its (criterion, reply) is in the judge's training data
     * @param known     whether that could be told (an ONNX judge whose folder keeps the hashes)
     * @param applies   whether the judge was trained at all (an LLM judge was not, by mhbench)
     */
    private record Overlap(String judgeId, boolean[] trained, boolean known, boolean applies) {

        static Overlap of(Judge j, List<LabelledItem> items) {
            boolean[] trained = new boolean[items.size()];
            if (!(j instanceof OnnxJudge o)) {
                return new Overlap(j.info().id(), trained, false, false);
            }
            Optional<Set<String>> texts = TrainingTexts.read(o.dir(), o.manifest());
            if (texts.isEmpty()) {
                return new Overlap(j.info().id(), trained, false, true);
            }
            for (int i = 0; i < items.size(); i++) {
                trained[i] = texts.get().contains(TrainingTexts.hash(items.get(i).criterion(), items.get(i).response()));
            }
            return new Overlap(j.info().id(), trained, true, true);
        }

        boolean trainedOn(int i) {
            return trained[i];
        }

        int count() {
            int n = 0;
            for (boolean t : trained) {
                n += t ? 1 : 0;
            }
            return n;
        }

        Optional<String> warning() {
            int n = count();
            if (n == 0) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "%d of %s (%.1f%%) %s in the training data of %s, so the "
                    + "kappa below is not a validation: on %s it measures how well the judge fits what it was "
                    + "trained on. Validate with replies it was not trained on.", n,
                    Plural.of(trained.length, "labelled reply", "labelled replies"), 100.0 * n / trained.length,
                    Plural.verb(n, "is", "are"), judgeId, n == 1 ? "it" : "them"));
        }

        Optional<String> unknown() {
            return applies && !known ? Optional.of("cannot tell whether these labels overlap the training data of "
                    + judgeId + " (its folder has no current " + TrainingTexts.FILE + "; retrain it with this "
                    + "mhbench to record one); if they do, the kappa is not a validation") : Optional.empty();
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("known", known || !applies);
            m.put("in_training_data", known ? count() : !applies ? 0 : null);
            m.put("of", trained.length);
            m.put("is_validation", known ? count() == 0 : !applies ? true : null);
            return m;
        }
    }

    /** A bare folder is an ONNX judge folder (as {@code onnx:DIR}); other specs go to {@link Judges}. */
    private static String spec(String judge) {
        return judge.equals("onnx") || judge.startsWith("onnx:") || judge.startsWith("llm:") ? judge : "onnx:" + judge;
    }
}
