package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.score.responses.ResponsesScorer;
import org.mhbench.util.Plural;
import org.mhbench.util.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mhbench review RUN_DIR --export FILE.csv | --import FILE.csv}: the verdicts a judge flagged for
 * review, settled by people in a spreadsheet. Each row the reviewer labels yes or no becomes a verdict of
 * judge {@code human:NAME}; {@code score} then adds the reading {@code J+reviewed}, the judge's verdicts
 * with the people's in their place.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Settle the verdicts a judge flagged for review, through a spreadsheet.",
                "--export FILE.csv writes one row per verdict to settle (client message, reply, question, the judge's "
                        + "answer and p_yes) with an empty 'label' column; fill it with yes or no.",
                "--import FILE.csv --reviewer NAME records each labelled row as a verdict of judge human:NAME; "
                        + "'mhbench score' then reports J+reviewed beside J."})
final class ReviewCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("record_id", "model", "system_prompt", "context", "criterion",
            "question", "client_message", "reply", "judge", "judge_answer", "p_yes", "label");

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A judged run folder.")
    Path runDir;

    @Option(names = "--export", paramLabel = "FILE.csv", description = "Write the verdicts to settle (replaced; "
            + "owner-only: it holds the replies).")
    Path export;

    @Option(names = "--import", paramLabel = "FILE.csv", description = "Record the labelled rows.")
    Path importFile;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Who reviewed (with --import): verdicts are "
            + "recorded as judge human:NAME.")
    String reviewer;

    @Option(names = "--judge", paramLabel = "ID", description = "The judge whose verdicts to settle (default: the "
            + "run's only judge other than people).")
    String judge;

    @Option(names = "--criterion", paramLabel = "ID", description = "Only this criterion.")
    String criterion;

    @Option(names = "--model", paramLabel = "LABEL", description = "Only this model.")
    String model;

    @Option(names = "--all", description = "Every verdict of the judge, not only those flagged for review.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((export == null) == (importFile == null)) {
            throw new UserError("give --export FILE.csv or --import FILE.csv");
        }
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.MANIFEST))) {
            throw new UserError(runDir + " is not a run folder: it has no " + RunDirectory.MANIFEST);
        }
        Map<String, ResponseRecord> records = new HashMap<>();
        if (Files.isRegularFile(runDir.resolve(RunDirectory.RESPONSES))) {
            ResponseLog.read(runDir.resolve(RunDirectory.RESPONSES)).forEach(r -> records.put(r.id(), r));
        }
        List<Judgment> judgments = RunDirectory.readJudgments(runDir);
        return export != null ? export(records, judgments) : importLabels(records, judgments);
    }

    private int export(Map<String, ResponseRecord> records, List<Judgment> judgments) throws IOException {
        String j = judgeToReview(judgments);
        Set<String> settled = new HashSet<>();
        for (Judgment x : judgments) {
            if (x.judge().startsWith(ResponsesScorer.REVIEWER_PREFIX)) {
                settled.add(x.recordId());
            }
        }
        List<Judgment> rows = new ArrayList<>();
        for (Judgment x : judgments) {
            ResponseRecord r = records.get(x.recordId());
            if (x.judge().equals(j) && (all || x.needsReview()) && !settled.contains(x.recordId()) && r != null
                    && (criterion == null || criterion.equals(x.criterion()))
                    && (model == null || model.equals(r.model()))) {
                rows.add(x);
            }
        }
        PrivateFiles.replace(export, tmp -> {
            try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(new String[0])).build())) {
                for (Judgment x : rows) {
                    ResponseRecord r = records.get(x.recordId());
                    p.printRecord(x.recordId(), r.model(), r.systemPrompt(), r.context(), x.criterion(),
                            r.attributes().getOrDefault(ResponsesExperiment.QUESTION, ""),
                            r.attributes().getOrDefault(ResponsesExperiment.QUERY, ""), r.output(), x.judge(),
                            x.answer(), String.format(Locale.ROOT, "%.3f", x.pYes()), "");
                }
            }
        });
        PrintWriter err = spec.commandLine().getErr();
        err.printf("wrote %s to settle (%s of %s) to %s; fill 'label' with yes or no, then: mhbench review %s "
                + "--import %s --reviewer NAME%n", Plural.of(rows.size(), "verdict"), all ? "all verdicts" : "flagged",
                j, export, runDir, export);
        err.flush();
        return ExitCodes.OK;
    }

    /** The judge named by --judge, or the run's only judge other than people. */
    private String judgeToReview(List<Judgment> judgments) {
        Set<String> judges = new LinkedHashSet<>();
        for (Judgment x : judgments) {
            if (!x.judge().startsWith(ResponsesScorer.REVIEWER_PREFIX) && !x.judge().endsWith(
                    ResponsesScorer.REVIEWED_SUFFIX)) {
                judges.add(x.judge());
            }
        }
        if (judge != null) {
            if (!judges.contains(judge)) {
                throw new UserError("judge " + judge + " has no verdicts in " + runDir + " (it has: "
                        + String.join(", ", judges) + ")");
            }
            return judge;
        }
        if (judges.size() != 1) {
            throw new UserError(judges.isEmpty() ? runDir + " has no verdicts to review; judge it first"
                    : "several judges have verdicts here (" + String.join(", ", judges) + "); name one with --judge");
        }
        return judges.iterator().next();
    }

    private int importLabels(Map<String, ResponseRecord> records, List<Judgment> judgments) throws IOException {
        if (reviewer == null || !reviewer.matches("[A-Za-z0-9._-]+")) {
            throw new UserError("--import needs --reviewer NAME (letters, digits, . _ -): the verdicts are recorded "
                    + "as judge human:NAME");
        }
        String id = ResponsesScorer.REVIEWER_PREFIX + reviewer;
        Set<String> have = new HashSet<>();
        judgments.forEach(x -> have.add(x.key()));
        List<Judgment> add = new ArrayList<>();
        int blank = 0;
        try (Reader in = Files.newBufferedReader(importFile, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                String where = importFile + ":" + (row.getRecordNumber() + 1);
                if (!row.isMapped("record_id") || !row.isMapped("label")) {
                    throw new UserError(where + ": the file needs the columns record_id and label (as --export writes)");
                }
                String label = row.get("label").strip().toLowerCase(Locale.ROOT);
                if (label.isEmpty()) {
                    blank++;
                    continue;
                }
                if (!label.equals("yes") && !label.equals("no")) {
                    throw new UserError(where + ": label must be yes, no or empty, got '" + row.get("label") + "'");
                }
                ResponseRecord r = records.get(row.get("record_id"));
                if (r == null) {
                    throw new UserError(where + ": no record " + row.get("record_id") + " in " + runDir);
                }
                if (!have.add(Judgment.key(r.id(), id))) {
                    continue; // imported before
                }
                String appropriate = r.attributes().get(ResponsesExperiment.APPROPRIATE_ANSWER);
                add.add(new Judgment(r.id(), id, r.item(), label, label.equals("yes") ? 1 : 0, false, appropriate,
                        label.equals(appropriate), Instant.now(), "1", "none", id,
                        "reviewed" + (row.isMapped("judge") ? " " + row.get("judge") : "")));
            }
        }
        try (JsonlLog<Judgment> log = RunDirectory.open(runDir).openJudgments()) {
            for (Judgment x : add) {
                log.append(x);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("recorded %s of %s (%d rows left blank); score again to see J%s%n", Plural.of(add.size(), "verdict"),
                id, blank, ResponsesScorer.REVIEWED_SUFFIX);
        err.flush();
        return ExitCodes.OK;
    }
}
