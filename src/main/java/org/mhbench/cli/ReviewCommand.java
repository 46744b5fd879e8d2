package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mhbench.review.HumanVerdict;
import org.mhbench.review.ReviewItem;
import org.mhbench.review.ReviewQueue;
import org.mhbench.review.ReviewSession;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
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
 * {@code mhbench review RUN_DIR}: people settle the verdicts a judge flagged for review, on a terminal
 * screen one at a time (single keys), or through a spreadsheet ({@code --export FILE.csv},
 * {@code --import FILE.csv}). Each answer becomes a verdict of judge {@code human:NAME}; {@code score}
 * then adds the reading {@code J+reviewed}, the judge's verdicts with the people's in their place.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Settle the verdicts a judge flagged for review: on this terminal, or through a spreadsheet.",
                "With --reviewer NAME alone: one verdict per screen (client message, reply, question, the judge's "
                        + "answer); keys y yes, n no, s skip, b back, m more of a long reply, q quit. Each answer is "
                        + "saved at once, so you can stop any time and run the same command to go on.",
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

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Who reviews (on the terminal and with "
            + "--import): verdicts are recorded as judge human:NAME.")
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

    @Option(names = "--disagree", description = "Only the verdicts another judge of the run answered differently.")
    boolean disagree;

    @Option(names = "--blind", description = "On the terminal, do not show what the judges answered.")
    boolean blind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (export != null && importFile != null) {
            throw new UserError("give --export FILE.csv or --import FILE.csv, not both");
        }
        if (importFile != null) {
            return importLabels();
        }
        ReviewQueue queue = ReviewQueue.of(runDir, new ReviewQueue.Filter(judge, criterion, model, all, disagree));
        return export != null ? export(queue) : onTerminal(queue);
    }

    private int onTerminal(ReviewQueue queue) throws IOException {
        String id = HumanVerdict.judgeId(reviewer);
        PrintWriter err = spec.commandLine().getErr();
        if (queue.items().isEmpty()) {
            err.printf("nothing to settle: no %s verdicts of %s are waiting for a person%n",
                    disagree ? "disputed" : all ? "unsettled" : "flagged", queue.judge());
            err.flush();
            return ExitCodes.OK;
        }
        if (System.console() == null) {
            throw new UserError("reviewing on the terminal needs one (stdin and stdout a terminal); for a spreadsheet "
                    + "use --export FILE.csv, then --import FILE.csv --reviewer NAME");
        }
        ReviewSession session;
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(runDir)) {
            session = new ReviewSession(queue, id, log, Clock.systemUTC());
            new ReviewScreen(session, runDir.getFileName().toString(), blind).run();
        }
        err.println(ReviewScreen.summary(session) + (session.answered() > 0 ? "; score again to see J"
                + ResponsesScorer.REVIEWED_SUFFIX : ""));
        err.flush();
        return ExitCodes.OK;
    }

    private int export(ReviewQueue queue) throws IOException {
        List<ReviewItem> rows = queue.items();
        PrivateFiles.replace(export, tmp -> {
            try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(new String[0])).build())) {
                for (ReviewItem x : rows) {
                    ResponseRecord r = x.record();
                    p.printRecord(x.recordId(), r.model(), r.systemPrompt(), r.context(), x.criterion(),
                            x.question(), x.clientMessage(), x.reply(), x.verdict().judge(), x.verdict().answer(),
                            String.format(Locale.ROOT, "%.3f", x.verdict().pYes()), "");
                }
            }
        });
        PrintWriter err = spec.commandLine().getErr();
        err.printf("wrote %s to settle (%s of %s) to %s; fill 'label' with yes or no, then: mhbench review %s "
                + "--import %s --reviewer NAME%n", Plural.of(rows.size(), "verdict"),
                disagree ? "disputed" : all ? "all verdicts" : "flagged", queue.judge(), export, runDir, export);
        err.flush();
        return ExitCodes.OK;
    }

    private int importLabels() throws IOException {
        if (reviewer == null) {
            throw new UserError("--import needs --reviewer NAME (letters, digits, . _ -): the verdicts are recorded "
                    + "as judge human:NAME");
        }
        String id = HumanVerdict.judgeId(reviewer);
        Map<String, ResponseRecord> records = ReviewQueue.records(runDir);
        Set<String> have = new HashSet<>();
        RunDirectory.readJudgments(runDir).forEach(x -> have.add(x.key()));
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
                add.add(HumanVerdict.of(r, id, label, "reviewed" + (row.isMapped("judge") ? " " + row.get("judge")
                        : ""), Instant.now()));
            }
        }
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(runDir)) {
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
