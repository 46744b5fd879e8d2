package org.mhbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhbench.generate.GenerationException;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInput;
import org.mhbench.judge.Judges;
import org.mhbench.judge.Verdict;
import org.mhbench.judge.llm.JudgeFailedException;
import org.mhbench.responses.JudgeStage;
import org.mhbench.responses.ResponseStimulus;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.Json;
import org.mhbench.util.Jsonl;
import org.mhbench.util.Plural;
import org.mhbench.util.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench judge}: the judge stage on its own. Either re-judges a run folder's replies
 * ({@code mhbench judge RUN_DIR --judge ...}, appending to {@code judgments.jsonl}, resumable), or judges
 * any JSON Lines file of {@code {id, criterion, question, query, response}}
 * ({@code --in FILE --out FILE}).
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Judge appropriate-responses replies: does each reply meet its criterion?",
                "mhbench judge RUN_DIR [--judge J]: judge the run's replies not yet judged by J, appending to "
                        + "RUN_DIR/judgments.jsonl (then 'mhbench score RUN_DIR').",
                "mhbench judge --in FILE.jsonl --out FILE.jsonl [--judge J]: judge lines {id, criterion, question, "
                        + "query, response} (criterion = a stimulus id of stimuli/responses); each output line adds "
                        + "judge, answer (yes/no), p_yes, needs_review and appropriate.",
                "Judges: onnx, onnx:DIR (the offline classifier) or llm:FILE.gguf (a local model asked the "
                        + "paper's question, options shuffled per item, temperature 0, 16 tokens)."})
final class JudgeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "Run folder to (re-)judge.")
    Path runDir;

    @Option(names = "--in", paramLabel = "FILE.jsonl", description = "Lines to judge: {id, criterion, question, "
            + "query, response}.")
    Path in;

    @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Where to write the judged lines (replaced).")
    Path out;

    @Option(names = "--judge", paramLabel = "onnx|llm:FILE.gguf", defaultValue = Judges.DEFAULT,
            description = "The judge (default: ${DEFAULT-VALUE}).")
    String judge;

    @Option(names = "--escalate", paramLabel = "llm:FILE.gguf|onnx:DIR",
            description = "A second judge for the verdicts --judge flags for review; the verdict records which "
                    + "judge decided and why.")
    String escalate;

    @Mixin
    JudgeModelOptions judgeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((runDir == null) == (in == null)) {
            throw new UserError("give either RUN_DIR or --in FILE.jsonl --out FILE.jsonl");
        }
        if (in != null && out == null) {
            throw new UserError("--in needs --out FILE.jsonl");
        }
        if (runDir != null && out != null) {
            throw new UserError("--out goes with --in; a run folder's verdicts go to RUN_DIR/" + Judgment.FILE);
        }
        if (escalate != null) {
            judge = Judges.escalated(judge, escalate);
        }
        ResponsesStimuli stimuli = judgeOptions.stimuli();
        Judges.check(judge);
        return runDir != null ? judgeRun(stimuli) : judgeFile(stimuli);
    }

    private Judge open(ResponsesStimuli stimuli, Path log) throws GenerationException {
        return Judges.open(judge, judgeOptions.setup(stimuli, log));
    }

    private int judgeRun(ResponsesStimuli stimuli) throws IOException, GenerationException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.MANIFEST))) {
            throw new UserError(runDir + " is not a run folder: it has no " + RunDirectory.MANIFEST);
        }
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.RESPONSES))) {
            throw new UserError(runDir + " has no " + RunDirectory.RESPONSES + " yet: nothing to judge");
        }
        RunDirectory dir = RunDirectory.open(runDir);
        var records = ResponseLog.read(dir.responsesFile());
        try (Judge j = open(stimuli, dir.workerLog("judge")); JsonlLog<Judgment> log = RunDirectory.openJudgments(runDir)) {
            Manifest m = dir.readManifest().orElseThrow();
            JudgeStage stage = new JudgeStage(j, log);
            JudgeStage.checkManifest(m.judges(), j.info(), dir.manifestFile());
            dir.writeManifest(m.withJudge(j.info()));
            JudgeStage.Outcome o;
            try {
                o = stage.judgeAll(records, x -> { });
            } catch (JudgeFailedException e) {
                throw new RunFailed(e.getMessage() + "; what was judged is kept: run the same command to continue",
                        e);
            }
            err.printf("%s: judged %s (%d %s already judged, %s it does not support), %d %s review; "
                            + "verdicts in %s%nscore with: mhbench score %s%n", j.info().id(),
                    Plural.of(o.judged(), "reply"), o.alreadyJudged(), Plural.verb(o.alreadyJudged(), "was", "were"),
                    Plural.of(o.unsupported(), "reply of a criterion", "replies of criteria"), o.needsReview(),
                    Plural.verb(o.needsReview(), "needs", "need"), log.file(), runDir);
        }
        err.flush();
        return ExitCodes.OK;
    }

    private int judgeFile(ResponsesStimuli stimuli) throws IOException, GenerationException {
        PrintWriter err = spec.commandLine().getErr();
        List<ObjectNode> rows = new ArrayList<>();
        List<JudgeInput> inputs = new ArrayList<>();
        List<ResponseStimulus> criteria = new ArrayList<>();
        readInput(stimuli, rows, inputs, criteria);
        List<Verdict> verdicts;
        String judgeId;
        Path workerLog = Files.createTempFile("mhbench-judge-", ".log");
        try (Judge j = open(stimuli, workerLog)) {
            judgeId = j.info().id();
            for (int i = 0; i < inputs.size(); i++) {
                if (!j.supports(inputs.get(i).criterion())) {
                    throw new UserError(in + ": judge " + judgeId + " does not support the criterion "
                            + inputs.get(i).criterion() + " (line of id " + inputs.get(i).id() + ")");
                }
            }
            try {
                verdicts = j.judgeAll(inputs);
            } catch (JudgeFailedException e) {
                throw new RunFailed(e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(workerLog);
        }
        List<Verdict> judged = verdicts;
        PrivateFiles.replace(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows.size(); i++) {
                    Verdict v = judged.get(i);
                    ObjectNode row = rows.get(i);
                    row.put("judge", judgeId);
                    row.put("answer", v.answer());
                    row.put("p_yes", v.pYes());
                    row.put("needs_review", v.needsReview());
                    row.put("appropriate", v.answer().equals(criteria.get(i).appropriateAnswer()));
                    w.write(Json.MAPPER.writeValueAsString(row));
                    w.write('\n');
                }
            }
        });
        long review = verdicts.stream().filter(Verdict::needsReview).count();
        err.printf("%s: judged %s (%d %s review) into %s%n", judgeId, Plural.of(rows.size(), "line"), review,
                Plural.verb(review, "needs", "need"), out);
        err.flush();
        return ExitCodes.OK;
    }

    /** Reads and checks every line before any judge is loaded: a bad line is {@code FILE:LINE: reason}. */
    private void readInput(ResponsesStimuli stimuli, List<ObjectNode> rows, List<JudgeInput> inputs,
                           List<ResponseStimulus> criteria) throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new UserError("no such file: " + in);
        }
        try {
            Jsonl.forEachNode(in, (line, node) -> readLine(stimuli, line, node, rows, inputs, criteria));
        } catch (Jsonl.BadLine e) {
            throw new UserError(e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new UserError(in + ": no lines to judge");
        }
    }

    private void readLine(ResponsesStimuli stimuli, int line, JsonNode node, List<ObjectNode> rows,
                          List<JudgeInput> inputs, List<ResponseStimulus> criteria) {
        String where = in + ":" + line + ": ";
        if (!(node instanceof ObjectNode row)) {
            throw new UserError(where + "each line must be a JSON object");
        }
        List<String> fields = new ArrayList<>();
        for (String f : List.of("id", "criterion", "question", "query", "response")) {
            JsonNode v = row.get(f);
            if (v == null || !v.isTextual()) {
                throw new UserError(where + "needs a text field \"" + f + "\"");
            }
            fields.add(v.asText());
        }
        ResponseStimulus criterion = stimuli.stimulus(fields.get(1)).orElseThrow(() -> new UserError(where
                + "unknown criterion \"" + fields.get(1) + "\" (known: " + String.join(", ", stimuli.ids())
                + "); its appropriate answer comes from " + stimuli.dir()));
        rows.add(row);
        inputs.add(new JudgeInput(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
        criteria.add(criterion);
    }
}
