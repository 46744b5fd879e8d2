package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.mhbench.Version;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.Backend;
import org.mhbench.run.GitInfo;
import org.mhbench.run.HostInfo;
import org.mhbench.run.Manifest;
import org.mhbench.run.RunDirectory;
import org.mhbench.run.ResponseLog;
import org.mhbench.run.Runner;
import org.mhbench.report.Usage;
import org.mhbench.report.UsageCsv;
import org.mhbench.stimuli.Experiment;
import org.mhbench.stimuli.Prompt;
import org.mhbench.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        if (limit < 0) {
            throw new UserError("--limit must be 1 or more (or 0 for all prompts)");
        }
        List<ModelConfig> models = model.configs(TestModels.inDefaultCache());
        List<Experiment> chosen = experiments.build();
        String judgeSpec = ResponsesStages.checkJudge(judging, chosen, err);
        String experimentId = String.join("+", chosen.stream().map(Experiment::id).toList());
        Path dirPath = out != null ? out : Path.of("runs", experimentId + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault()).format(Instant.now()));
        Backend backend = model.backend.backend(Duration.ofSeconds(requestTimeout), root != null && root.verbose, err);
        Map<String, Object> parameters = parameters(models, chosen, backend);

        RunDirectory dir = RunDirectory.create(dirPath);
        Manifest manifest = startManifest(dir, experimentId, parameters, backend);

        try {
            chosen = ResponsesStages.writeBridges(chosen, dir, model, backend, err);
        } catch (GenerationException e) {
            dir.writeManifest(manifest.finished("failed", Instant.now()));
            throw new RunFailed("the bridge model failed: " + e.kind() + ": " + e.getMessage() + "; continue with: "
                    + "mhbench run --resume --out " + dir.root(), e);
        }
        List<Prompt> prompts = new ArrayList<>();
        for (Experiment e : chosen) {
            List<Prompt> all = e.prompts();
            prompts.addAll(limit > 0 ? all.subList(0, Math.min(limit, all.size())) : all);
        }
        List<Runner.ModelOutcome> outcomes;
        boolean judged;
        try (ResponsesStages stages = ResponsesStages.open(judgeSpec, chosen, dir, model, backend, experiments.seed,
                err)) {
            manifest = stages.recordJudge(manifest);
            dir.writeManifest(manifest);
            Runner runner = new Runner(dir, manifest, backend, maxRestarts, System.err);
            // Ctrl-C or a kill: leave the manifest saying so (the workers exit when our pipes close).
            Thread onInterrupt = new Thread(() -> {
                try {
                    runner.finish("interrupted");
                } catch (IOException e) {
                    // the process is going away; nothing more can be done
                }
            }, "mhbench-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            err.printf("run folder: %s%n%s x %s%n", dir.root(), org.mhbench.util.Plural.of(prompts.size(), "prompt"),
                    org.mhbench.util.Plural.of(models.size(), "model"));
            err.flush();
            String status = "failed"; // until everything below has gone through
            try {
                try (Progress progress = new Progress(experimentId, (long) prompts.size() * models.size(),
                        alreadyDone(dir, models, prompts), " items")) {
                    outcomes = runner.run(models, prompts, r -> {
                        progress.record(r);
                        stages.onRecord(r);
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = "interrupted";
                    throw new RunFailed("interrupted; continue with: mhbench run --resume --out " + dir.root());
                }
                judged = stages.finish();
                status = outcomes.stream().anyMatch(o -> o.failure() != null) ? "failed" : "complete";
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                    runner.finish(status);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is writing "interrupted"
                }
            }
        }
        boolean anyFailed = outcomes.stream().anyMatch(o -> o.failure() != null) || !judged;
        for (Runner.ModelOutcome o : outcomes) {
            err.printf("%s: %d recorded, %s%s%n", o.label(), o.recorded(),
                    org.mhbench.util.Plural.of(o.failed(), "failed item"),
                    o.failure() == null ? "" : "; MODEL FAILED: " + o.failure());
        }
        List<Usage> usage = Usage.of(ResponseLog.read(dir.responsesFile()));
        UsageCsv.write(dir.root(), usage);
        err.println();
        err.println("cost (all records of this run folder; also in " + UsageCsv.FILE + "):");
        UsageCsv.print(usage, spec.commandLine().getOut());
        err.flush();
        if (!noScore) {
            ScoreCommand scorer = new ScoreCommand();
            scorer.stimuliDir = experiments.stimuli();
            int scored = scorer.score(dir.root(), spec.commandLine().getOut(), err);
            if (scored != ExitCodes.OK) {
                return scored;
            }
            writeReport(dir.root(), err);
        }
        return anyFailed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** How many of these prompts a resumed run folder already holds for these models (0 for a new run). */
    private static long alreadyDone(RunDirectory dir, List<ModelConfig> models, List<Prompt> prompts)
            throws IOException {
        if (!Files.isRegularFile(dir.responsesFile())) {
            return 0;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (Prompt p : prompts) {
            String id = new org.mhbench.run.RecordKey("0".repeat(64), p.setting(), p.stimulus(), p.sample()).id();
            wanted.add(id.substring(id.indexOf(':') + 1));
        }
        java.util.Set<String> labels = new java.util.HashSet<>();
        models.forEach(m -> labels.add(m.label()));
        return ResponseLog.read(dir.responsesFile()).stream()
                .filter(r -> labels.contains(r.model()) && wanted.contains(r.id().substring(r.id().indexOf(':') + 1)))
                .count();
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

    private Manifest startManifest(RunDirectory dir, String experimentId, Map<String, Object> parameters,
                                   Backend backend)
            throws IOException {
        if (dir.hasManifest()) {
            if (!resume) {
                throw new UserError(dir.root() + " already holds a run; continue it with --resume, or choose "
                        + "another --out");
            }
            Manifest old = dir.readManifest().orElseThrow();
            List<String> changed = ResumeCheck.changedSettings(old.parameters(), parameters);
            if (!changed.isEmpty()) {
                throw new UserError("--resume: " + dir.root() + " was started with other settings: "
                        + String.join("; ", changed) + " (a model file or backend that changed since, or a new "
                        + "mhbench); start a new run with another --out");
            }
            Manifest resumed = old.resumed(parameters);
            dir.writeManifest(resumed);
            return resumed;
        }
        if (resume && Files.isDirectory(dir.root()) && !isEmpty(dir.root())) {
            throw new UserError("--resume: " + dir.root() + " has no manifest.json, so it is not a run folder");
        }
        Map<String, Object> binding = backend.describe();
        Manifest m = new Manifest(Manifest.FORMAT, Version.mhbench(), GitInfo.commit().orElse(null), experimentId,
                spec.commandLine().getParseResult().originalArgs(), Instant.now(), null, "running",
                HostInfo.current(), binding, List.of(), Map.of(), parameters, List.of());
        dir.writeManifest(m);
        return m;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private Map<String, Object> parameters(List<ModelConfig> models, List<Experiment> chosen, Backend backend) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("backend", backend.id());
        if (limit > 0) {
            p.put("limit", limit);
        }
        List<Map<String, Object>> ms = new ArrayList<>();
        for (ModelConfig c : models) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", c.label());
            m.put("path", c.path().toAbsolutePath().toString());
            m.put("threads", c.effectiveThreads());
            m.put("gpu_layers", c.gpuLayers());
            m.put("context_size", c.contextSize());
            m.put("parallel_slots", c.parallelSlots());
            m.put("chat_template_override", c.chatTemplate() != null);
            m.put("template_engine", c.templateEngine().name().toLowerCase(Locale.ROOT));
            ms.add(m);
        }
        p.put("models", ms);
        Map<String, Object> ex = new LinkedHashMap<>();
        for (Experiment e : chosen) {
            ex.put(e.id(), e.describe());
        }
        p.put("experiments", ex);
        return p;
    }
}
