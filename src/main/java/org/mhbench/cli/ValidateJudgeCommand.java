package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.mhbench.generate.GenerationException;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.Judges;
import org.mhbench.judge.Verdict;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.judge.eval.AgreementTable;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.llm.JudgeFailedException;
import org.mhbench.judge.onnx.OnnxJudge;
import org.mhbench.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
                        + "criterion question). Exit status 1 when kappa is below --min-kappa."})
public final class ValidateJudgeCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "FILE.jsonl", description = "The labelled replies.")
    Path labels;

    @Option(names = "--judge", paramLabel = "onnx|onnx:DIR|DIR|llm:FILE.gguf", defaultValue = Judges.DEFAULT,
            description = "The judge: onnx (the shipped classifier, models/judge), a judge folder written by "
                    + "train-judge, or llm:FILE.gguf (a local model asked the paper's question) (default: "
                    + "${DEFAULT-VALUE}).")
    String judge;

    @Option(names = "--min-kappa", paramLabel = "K", description = "Fail (exit 1) when the overall kappa is below K.")
    Double minKappa;

    @Option(names = "--json", paramLabel = "OUT", description = "Write {n, accuracy, kappa, per_criterion: {id: "
            + "{n, accuracy, kappa}}} to OUT (undefined values as null).")
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
        if (!Files.isRegularFile(labels)) {
            throw new UserError("no such file: " + labels);
        }
        if (minKappa != null && !(minKappa >= -1 && minKappa <= 1)) {
            throw new UserError("--min-kappa must be between -1 and 1");
        }
        List<LabelledItem> items = LabelsFile.read(labels);
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
            List<JudgeInput> inputs = items.stream().map(LabelledItem::input).toList();
            long t0 = System.nanoTime();
            List<Verdict> verdicts;
            try {
                verdicts = j.judgeAll(inputs);
            } catch (JudgeFailedException e) {
                throw new RunFailed(e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Agreement.Pair> pairs = new ArrayList<>();
            int shown = 0;
            for (int i = 0; i < items.size(); i++) {
                LabelledItem item = items.get(i);
                Verdict v = verdicts.get(i);
                pairs.add(new Agreement.Pair(item.criterion(), item.yes(), v.yes(), v.needsReview()));
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
            err.printf(Locale.ROOT, "judged %d replies in %.1f s (%.1f replies/s)%n", items.size(), seconds,
                    items.size() / seconds);
            if (json != null) {
                try {
                    Files.writeString(json, Json.PRETTY.writeValueAsString(AgreementTable.json(a)) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
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

    /** A bare folder is an ONNX judge folder (as {@code onnx:DIR}); other specs go to {@link Judges}. */
    private static String spec(String judge) {
        return judge.equals("onnx") || judge.startsWith("onnx:") || judge.startsWith("llm:") ? judge : "onnx:" + judge;
    }
}
