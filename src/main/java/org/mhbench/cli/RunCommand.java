package org.mhbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mhbench.experiments.ScoreSettings;
import org.mhbench.generate.Backend;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.judge.JudgeUnavailableException;
import org.mhbench.judge.Judges;
import org.mhbench.report.UsageCsv;
import org.mhbench.run.RunPipeline;
import org.mhbench.run.RunSpec;
import org.mhbench.run.RunStages;
import org.mhbench.run.Runner;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.stimuli.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code mhbench run}: the main job. Generates every prompt of the chosen experiments with every
 * model into a run folder, then scores it.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run experiments on local GGUF models into a run folder, then score it.",
                "Without --model, runs the built-in test model (random weights): a check of the machinery, "
                        + "whose numbers mean nothing about any real model.",
                "An interrupted run continues with --resume: nothing is lost or repeated.",
                "Responses replies are judged as they come (--judge; --no-judge to judge later with 'mhbench judge')."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    ExperimentOptions experiments;

    @Mixin
    JudgeOptions judging;

    @Option(names = {"-o", "--out"}, paramLabel = "RUN_DIR",
            description = "Run folder (default: runs/<experiment>-<time> in the current folder).")
    Path out;

    @Option(names = "--resume", description = {"Continue the run in --out RUN_DIR with the settings it was started "
            + "with (read from its manifest: models, labels, experiments, seeds, sampling, backend). Options given "
            + "again must match them; --limit may change (a limited run resumes into a full one)."})
    boolean resume;

    /** True when this instance runs with the options its run folder was started with (see {@link #resumeRun}). */
    private boolean fromManifest;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Only the first N prompts of each experiment, in the run's own order: for smoke runs and "
                    + "measuring (default: all).")
    int limit;

    @Option(names = "--watts", paramLabel = "W", defaultValue = "10",
            description = "A busy CPU core's draw in watts, for the energy estimate where RAPL cannot be read "
                    + "(default: ${DEFAULT-VALUE}). The manifest says which was used.")
    double watts;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only shard K of N (0 <= K < N; a Slurm array index or Kubernetes completion index), "
                    + "a share of the prompts balanced by cost, into its own --out; join the shards with "
                    + "'mhbench merge'.")
    String shard;

    @Option(names = "--no-score", description = "Only generate; score later with 'mhbench score RUN_DIR'.")
    boolean noScore;

    @Option(names = "--max-restarts", defaultValue = "2", paramLabel = "N",
            description = "Replace a model's worker that died this many times before giving the model up "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxRestarts;

    @Option(names = "--request-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Longest time for one reply before its worker is killed (default: ${DEFAULT-VALUE}).")
    long requestTimeout;

    @ParentCommand
    Main root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (resume && !fromManifest) {
            return resumeRun();
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!(watts >= 0)) {
            throw new UserError("--watts must be 0 or more");
        }
        if (limit < 0) {
            throw new UserError("--limit must be 1 or more (or 0 for all prompts)");
        }
        List<ModelConfig> models = model.configs(TestModels.inDefaultCache());
        List<Experiment> chosen = experiments.build();
        String judgeSpec = checkJudge(judging, chosen, err);
        String experimentId = String.join("+", chosen.stream().map(Experiment::id).toList());
        Path dirPath = out != null ? out : Path.of("runs", experimentId + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault()).format(Instant.now()));
        Backend backend = model.backend.backend(Duration.ofSeconds(requestTimeout), root != null && root.verbose, err);
        models = models.stream().map(backend::withDefaults).toList();
        RunSpec runSpec = new RunSpec(dirPath, resume, spec.commandLine().getParseResult().originalArgs(), models,
                chosen, backend, judgeSpec == null ? null : new RunSpec.Judging(judgeSpec, model.threads,
                model.gpuLayers, experiments.seed), limit, maxRestarts, noScore ? null : ScoreSettings.defaults(),
                experiments.stimuli(), watts, shardOf(shard));
        boolean firstScore = !Files.isRegularFile(dirPath.resolve(org.mhbench.score.SummaryCsv.FILE));
        RunPipeline.Result result;
        try (CliListener listener = new CliListener(experimentId, err)) {
            result = new RunPipeline().run(runSpec, listener);
        } catch (RunPipeline.RunFolderException e) {
            throw new UserError(e.getMessage());
        } catch (GenerationException e) {
            throw new RunFailed("a model the run needs before generating (bridge model or LLM judge) failed: "
                    + e.kind() + ": " + e.getMessage() + "; continue with: mhbench run --resume --out " + dirPath, e);
        } catch (RunPipeline.Interrupted e) {
            throw new RunFailed(e.getMessage());
        }
        for (Runner.ModelOutcome o : result.outcomes()) {
            err.printf("%s: %d recorded, %s%s%n", o.label(), o.recorded(),
                    org.mhbench.util.Plural.of(o.failed(), "failed item"),
                    o.failure() == null ? "" : "; MODEL FAILED: " + o.failure());
        }
        err.println();
        err.println("cost (all records of this run folder; also in " + UsageCsv.FILE + "):");
        err.flush();
        UsageCsv.print(result.usage(), stdout);
        stdout.flush();
        if (result.cost() != null) {
            var c = result.cost();
            err.printf("cost: %s s wall, %s CPU-s, %s Wh (%s)%s; %s Wh per 1,000 items (manifest.json 'cost')%n",
                    c.wallSeconds(), c.cpuSeconds(), c.energyWh(), c.cpuEnergySource(),
                    c.gpuEnergyWh() != null ? ", GPU " + c.gpuEnergyWh() + " Wh" : "", c.whPer1000Items());
            if (c.judging() != null && c.generation() != null) {
                err.printf("  generation %s items in %s s (%s items/s); judging %s verdicts in %s s (%s verdicts/s)%n",
                        c.generation().items(), c.generation().seconds(), c.generation().itemsPerSecond(),
                        c.judging().items(), c.judging().seconds(), c.judging().itemsPerSecond());
            }
            err.flush();
        }
        if (result.scores() != null) {
            int scored = ScoreCommand.present(dirPath, result.scores(), firstScore, stdout, err);
            if (scored != ExitCodes.OK) {
                return scored;
            }
            writeReport(dirPath, err);
        }
        return result.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static org.mhbench.run.Shard shardOf(String text) {
        if (text == null) {
            return null;
        }
        try {
            return org.mhbench.run.Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--shard: " + e.getMessage());
        }
    }

    /**
     * Checks the judge spec before anything long starts: a named judge that cannot be used is an error
     * (exit 2); the default judge, when this build lacks it, is a note and the run goes on unjudged.
     *
     * @return the spec to open, or {@code null} for no judging
     */
    static String checkJudge(JudgeOptions options, List<Experiment> chosen, PrintWriter err) {
        String judge = options.spec();
        if (judge == null || RunStages.responses(chosen) == null) {
            return null;
        }
        try {
            Judges.check(judge);
            return judge;
        } catch (JudgeUnavailableException e) {
            if (options.explicit()) {
                throw e;
            }
            err.println("note: replies will not be judged: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** The pipeline's notes on stderr, and its progress as a bar. */
    private static final class CliListener implements RunPipeline.Listener, AutoCloseable {
        private final String task;
        private final PrintWriter err;
        private Progress progress;

        CliListener(String task, PrintWriter err) {
            this.task = task;
            this.err = err;
        }

        @Override
        public synchronized void note(String line) {
            err.println(line);
            err.flush();
        }

        @Override
        public void generationStarted(RunDirectory dir, long total, long alreadyDone) {
            progress = new Progress(task, total, alreadyDone, " items");
        }

        @Override
        public void recorded(ResponseRecord record) {
            if (progress != null) {
                progress.record(record);
            }
        }

        @Override
        public void generationEnded() {
            close();
        }

        @Override
        public void close() {
            if (progress != null) {
                progress.close();
                progress = null;
            }
        }
    }



    /**
     * {@code run --resume --out RUN_DIR}: runs again with the arguments the run was started with (from
     * its manifest), after checking that options given now match them.
     */
    private int resumeRun() throws Exception {
        if (out == null) {
            throw new UserError("--resume needs --out RUN_DIR: the run folder to continue");
        }
        if (!Files.isDirectory(out)) {
            throw new UserError("--resume: no such run folder: " + out + " (nothing was started; check the path, or "
                    + "leave out --resume to start a new run there)");
        }
        RunDirectory dir = RunDirectory.open(out);
        if (!dir.hasManifest()) {
            throw new UserError("--resume: " + out + " has no " + RunDirectory.MANIFEST + ", so it is not a run folder "
                    + "(nothing was started)");
        }
        Manifest old = dir.readManifest().orElseThrow();
        if (old.command().contains("--resume")) {
            throw new UserError("--resume: " + out + " was resumed by an older mhbench, which did not keep the "
                    + "options it was started with; resume it with those options and --resume --out " + out);
        }
        List<String> start = ResumeCheck.startArguments(old.command());
        CommandLine root = Main.commandLine();
        root.setOut(spec.commandLine().getOut());
        root.setErr(spec.commandLine().getErr());
        CommandLine again = root.getSubcommands().get("run");
        List<String> args = new ArrayList<>();
        if (this.root != null && this.root.verbose) {
            args.add("--verbose");
        }
        args.add("run");
        args.addAll(start);
        // Answers generated in full (format 1 always did), unless the start command said so already.
        if (old.parameters().experiment("stigma").flatMap(st -> st.setting("answers")).filter("full"::equals)
                .isPresent() && !start.contains("--full-answers")) {
            args.add("--full-answers");
        }
        // The backend the run used, unless its start command named one (auto could now pick another).
        String backendId = old.parameters().backend();
        if (!start.contains("--backend") && !start.contains("--endpoint") && backendId != null) {
            switch (backendId) {
                case "llama.cpp-jni" -> args.addAll(List.of("--backend", "jni"));
                case "llama-server" -> args.addAll(List.of("--backend", "server"));
                default -> { }
            }
        }
        try {
            root.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new UserError("--resume: the options " + out + " was started with no longer parse (" + e.getMessage()
                    + "): " + String.join(" ", start));
        }
        List<String> changed = ResumeCheck.changedOptions(spec.commandLine().getParseResult(), again.getCommandSpec());
        if (!changed.isEmpty()) {
            throw new UserError("--resume: " + String.join("; ", changed) + "; leave these out to resume with the "
                    + "run's own settings, or start a new run with another --out");
        }
        args.addAll(List.of("--out", out.toString(), "--resume"));
        // What a resume may set anew replaces what the run was started with.
        CommandLine.ParseResult now = spec.commandLine().getParseResult();
        for (CommandLine.Model.OptionSpec o : now.matchedOptions()) {
            String name = o.longestName();
            if (ResumeCheck.RESUME_OPTIONS.contains(name) && !name.equals("--resume") && !name.equals("--out")) {
                ResumeCheck.removeOption(args, o);
                args.add(name);
                if (o.arity().max() > 0) {
                    args.add(String.valueOf((Object) o.getValue()));
                }
            }
        }
        RunCommand resumed = again.getCommand();
        resumed.fromManifest = true;
        spec.commandLine().getErr().println("resuming " + out + " with its settings: mhbench run "
                + String.join(" ", start));
        spec.commandLine().getErr().flush();
        return root.execute(args.toArray(new String[0]));
    }

    /** Writes RUN_DIR/report; a report that fails is a note, never a failed run (the scores are written). */
    private static void writeReport(Path runDir, PrintWriter err) {
        try {
            ReportCommand.report(runDir, null, err);
        } catch (Exception | LinkageError e) {
            err.println("note: the report could not be written (" + ErrorHandler.messageOf(e) + "); retry with "
                    + "'mhbench report " + runDir + "'");
            err.flush();
        }
    }
}
