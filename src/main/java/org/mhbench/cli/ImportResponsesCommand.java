package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mhbench.Version;
import org.mhbench.generate.ModelInfo;
import org.mhbench.paper.HandCollectedResponses;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.GitInfo;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RunParameters;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.Hashing;
import org.mhbench.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mhbench import-responses FILE --source LABEL (--into RUN_DIR | --out RUN_DIR)}: hand-collected
 * replies to the responses stimuli (people, or chatbots queried by hand) become records of a run, so
 * they are judged and scored beside models. Their labels, if any, become judgments of judge
 * {@code human} (or {@code --label-judge}).
 */
@Command(name = "import-responses", mixinStandardHelpOptions = true,
        description = {"Import hand-collected replies to the responses stimuli (CSV with a header, or JSONL) into a "
                + "run folder, to judge and score them beside models.",
                "Columns: stimulus (a stimulus id), response, and optionally label (yes/no), question, "
                        + "appropriate_answer, query, source, participant (the paper's column names are accepted "
                        + "too). Then: mhbench judge RUN_DIR --judge ...; mhbench score RUN_DIR."})
final class ImportResponsesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A .csv or .jsonl file of replies.")
    Path file;

    @Option(names = "--source", required = true, paramLabel = "LABEL",
            description = "Who wrote the replies, e.g. therapist-a (the 'model' column of the scores).")
    String source;

    @Option(names = "--into", paramLabel = "RUN_DIR", description = "An existing run folder to add the replies to.")
    Path into;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "A new run folder (must not exist, or be empty).")
    Path out;

    @Option(names = "--label-judge", paramLabel = "NAME", defaultValue = HandCollectedResponses.HUMAN_JUDGE,
            description = "Judge id of the file's labels (default: ${DEFAULT-VALUE}).")
    String labelJudge;

    @Option(names = "--pool", paramLabel = "NAME", description = "Also count the replies towards this pooled source "
            + "(e.g. all-bots when importing several bots).")
    String pool;

    @Option(names = "--stimuli", paramLabel = "DIR", description = "Stimulus folder holding responses/ (default: the "
            + "stimuli/ folder of this checkout).")
    Path stimuliDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((into == null) == (out == null)) {
            throw new UserError("give either --into RUN_DIR (an existing run) or --out RUN_DIR (a new one)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        if (source.isBlank()) {
            throw new UserError("--source is empty; name who wrote the replies, e.g. --source therapist-a");
        }
        ResponsesStimuli stimuli = org.mhbench.experiments.Experiments.RESPONSES.stimuli(stimuliDir);
        HandCollectedResponses.Result r = HandCollectedResponses.read(file, stimuli, new HandCollectedResponses.Options(
                source, null, labelJudge, pool, Map.of(), null), Files.getLastModifiedTime(file).toInstant());
        requireReplies(r);
        RunDirectory dir = into != null ? open(into) : create(out);
        List<String> sources = r.records().stream().map(ResponseRecord::model).distinct().toList();
        try (ResponseLog log = dir.openResponses()) {
            for (ResponseRecord rec : r.records()) {
                if (log.contains(rec.id())) {
                    throw new UserError(dir.root() + " already holds " + rec.id() + " (" + rec.model() + ", "
                            + rec.stimulus() + "): these replies were imported before; use another --source");
                }
            }
            r.records().forEach(log::append);
        }
        if (!r.judgments().isEmpty()) {
            try (JsonlLog<Judgment> log = RunDirectory.openJudgments(dir.root())) {
                r.judgments().forEach(log::append);
            }
        }
        Manifest m = dir.readManifest().orElseThrow();
        for (String s : sources) {
            if (m.models().stream().noneMatch(x -> x.label().equals(s))) {
                m = m.withModel(ModelInfo.notLoaded(s, s, Hashing.sha256(s), "imported:hand-collected"));
            }
        }
        if (!r.judgments().isEmpty()) {
            m = m.withJudge(new JudgeInfo(labelJudge, "imported", "none", Map.of("source", "labels imported from "
                    + file.toAbsolutePath().normalize())));
        }
        dir.writeManifest(m);
        PrintWriter err = spec.commandLine().getErr();
        r.notes().forEach(n -> err.println("note: " + n));
        err.printf("imported %s (%d without text) and %s (judge %s) of %s into %s%n",
                Plural.of(r.records().size(), "reply"), r.records().stream().filter(ResponseRecord::failed).count(),
                Plural.of(r.judgments().size(), "label"),
                labelJudge, String.join(", ", sources), dir.root());
        err.printf("next: mhbench judge %s --judge llm:FILE.gguf (optional), then mhbench score %s%n", dir.root(),
                dir.root());
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * Nothing usable is an error before anything is written: a file with no rows, or whose rows all lack
     * a reply, names the line to look at.
     */
    private void requireReplies(HandCollectedResponses.Result r) throws IOException {
        if (r.records().isEmpty()) {
            throw new UserError(HandCollectedResponses.whyNoRows(file) + ": no replies to import (expected a CSV "
                    + "with a header, or JSONL, with stimulus, response and optionally label)");
        }
        if (r.records().stream().allMatch(ResponseRecord::failed)) {
            throw new UserError(file + ":" + r.lines().get(0) + ": the response is empty, as in every row: no replies "
                    + "to import");
        }
    }

    private static RunDirectory open(Path root) throws IOException {
        if (!Files.isRegularFile(root.resolve(RunDirectory.MANIFEST))) {
            throw new UserError(root + " is not a run folder: it has no " + RunDirectory.MANIFEST);
        }
        return RunDirectory.open(root);
    }

    private RunDirectory create(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    throw new UserError(root + " already exists and is not empty; choose a new --out, or add to "
                            + "it with --into");
                }
            }
        }
        RunDirectory dir = RunDirectory.create(root);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("file", file.toAbsolutePath().normalize().toString());
        other.put("file_sha256", Hashing.sha256(file));
        Instant now = Instant.now();
        dir.writeManifest(Manifest.builder().mhbenchVersion(Version.mhbench()).gitCommit(GitInfo.commit().orElse(null))
                .experiment("responses").command(new ArrayList<>(spec.commandLine().getParseResult().originalArgs()))
                .startedAt(now).finishedAt(now).status("complete").host(HostInfo.current())
                .parameters(RunParameters.imported("hand-collected", null, null, other)).build());
        return dir;
    }
}
