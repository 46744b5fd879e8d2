package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.judge.labels.LabelsFile;
import org.mhbench.judge.labels.PaperLabels;
import org.mhbench.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench export-labels}: the paper's gpt-4o-labelled replies as a labels file, the format that
 * {@code validate-judge} and {@code train-judge} read. With it, any judge (a local LLM judge above all)
 * can be measured against the paper's judge before it is trusted. The file holds the paper's text: it is
 * written owner-only, for local use.
 */
@Command(name = "export-labels", mixinStandardHelpOptions = true,
        description = {"Write the paper's judged replies (gpt-4o's yes/no answers) as a labels file for "
                + "validate-judge and train-judge: lines {id, criterion, question, query, response, label, source}.",
                "Example: mhbench export-labels --from-paper ../shared/paper --out paper-labels.jsonl && "
                        + "mhbench validate-judge --labels paper-labels.jsonl --judge llm:judge.gguf",
                "The shipped ONNX judge was trained on these rows (all but gpt-4o's own): validating it on them "
                        + "measures fit, not generalization."})
final class ExportLabelsCommand implements Callable<Integer> {

    @Option(names = "--from-paper", required = true, paramLabel = "DIR",
            description = "The paper's repository folder (holding results/interjections).")
    Path fromPaper;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "The labels file to write.")
    Path out;

    @Option(names = "--include-gpt-4o", description = "Also export the runs of gpt-4o itself (skipped by default, "
            + "so that its human-validated replies stay unseen by judges trained on the export).")
    boolean includeGpt4o;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(fromPaper)) {
            throw new UserError("no such folder: " + fromPaper);
        }
        if (Files.isDirectory(out)) {
            throw new UserError(out + " is a folder; give a file name");
        }
        PaperLabels.Result paper = PaperLabels.read(fromPaper, includeGpt4o);
        if (paper.items().isEmpty()) {
            throw new UserError(fromPaper + " holds no judged replies");
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        LabelsFile.write(out, paper.items());
        paper.counts().forEach((k, v) -> err.printf("%s: %d%n", k, v));
        Map<String, int[]> byCriterion = new TreeMap<>();
        for (LabelledItem item : paper.items()) {
            int[] n = byCriterion.computeIfAbsent(item.criterion(), k -> new int[2]);
            n[0]++;
            n[1] += item.yes() ? 1 : 0;
        }
        byCriterion.forEach((c, n) -> err.printf("  %-12s %5d %-7s %5d yes%n", c, n[0], Plural.noun(n[0], "reply") + ",", n[1]));
        err.printf("wrote %s from %s to %s%n", Plural.of(paper.items().size(), "labelled reply", "labelled replies"),
                Plural.of(paper.files().size(), "file"), out);
        err.flush();
        return ExitCodes.OK;
    }
}
