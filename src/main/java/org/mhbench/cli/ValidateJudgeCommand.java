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
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.Verdict;
import org.mhbench.judge.eval.Agreement;
import org.mhbench.judge.eval.AgreementTable;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.onnx.OnnxJudge;
import org.mhbench.util.Home;
import org.mhbench.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench validate-judge}: how well the ONNX judge agrees with a labels file, overall and per
 * criterion; a failed check (exit 1) when Cohen's κ is below {@code --min-kappa}.
 */
@Command(name = "validate-judge", mixinStandardHelpOptions = true,
        description = {"Check the offline judge against labelled replies: n, accuracy, Cohen's kappa and the "
                + "confusion matrix, overall and per criterion.",
                "Labels: lines {id, criterion, question, query, response, label} (label = yes/no, the answer to the "
                        + "criterion question). Exit status 1 when kappa is below --min-kappa."})
public final class ValidateJudgeCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "FILE.jsonl", description = "The labelled replies.")
    Path labels;

    @Option(names = "--judge", paramLabel = "onnx|onnx:DIR|DIR", defaultValue = "onnx",
            description = "The ONNX judge: onnx (the shipped one, models/judge) or a judge folder (default: "
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

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime threads of the encoder (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
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
        OnnxJudge.Options options = new OnnxJudge.Options(threads, OnnxJudge.Options.defaults().maxBatch());
        try (OnnxJudge j = OnnxJudge.load(judgeDir(), options)) {
            TreeSet<String> unknown = new TreeSet<>();
            items.stream().map(LabelledItem::criterion).filter(c -> !j.supports(c)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                throw new UserError("the judge " + j.info().id() + " was not trained for " + String.join(", ", unknown)
                        + " (it knows " + String.join(", ", j.criteria()) + "); validate those with an LLM judge "
                        + "(--judge llm:FILE.gguf in mhbench judge) or train one that knows them: mhbench train-judge "
                        + "--labels FILE.jsonl");
            }
            List<JudgeInput> inputs = items.stream().map(LabelledItem::input).toList();
            long t0 = System.nanoTime();
            List<Verdict> verdicts = j.judgeAll(inputs);
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

    private Path judgeDir() {
        if (judge.equals("onnx")) {
            return Home.resolve(OnnxJudge.DEFAULT_DIR);
        }
        if (judge.startsWith("llm:")) {
            throw new UserError("validate-judge checks ONNX judges; to check an LLM judge, run mhbench judge --in "
                    + "FILE --out OUT --judge " + judge + " and compare");
        }
        return Path.of(judge.startsWith("onnx:") ? judge.substring(5) : judge);
    }
}
