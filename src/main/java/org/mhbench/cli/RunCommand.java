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
import org.mhbench.generate.worker.WorkerOptions;
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

    @Option(names = "--resume", description = "Continue the run in RUN_DIR with the settings it was started with.")
    boolean resume;

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
        PrintWriter err = spec.commandLine().getErr();
        List<ModelConfig> models = model.configs(TestModels.inDefaultCache());
        List<Experiment> chosen = experiments.build();
        String judgeSpec = ResponsesStages.checkJudge(judging, chosen, err);
        String experimentId = String.join("+", chosen.stream().map(Experiment::id).toList());
        Path dirPath = out != null ? out : Path.of("runs", experimentId + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault()).format(Instant.now()));
        Map<String, Object> parameters = parameters(models, chosen);

        RunDirectory dir = RunDirectory.create(dirPath);
        Manifest manifest = startManifest(dir, experimentId, parameters);

        WorkerOptions options = WorkerOptions.defaults()
                .withRequestTimeout(Duration.ofSeconds(requestTimeout))
                .withNativeLog(root != null && root.verbose);
        try {
            chosen = ResponsesStages.writeBridges(chosen, dir, model, options, err);
        } catch (GenerationException e) {
            dir.writeManifest(manifest.finished("failed", Instant.now()));
            throw new RunFailed("the bridge model failed: " + e.kind() + ": " + e.getMessage() + "; continue with: "
                    + "mhbench run --resume --out " + dir.root(), e);
        }
        List<Prompt> prompts = new ArrayList<>();
        for (Experiment e : chosen) {
            prompts.addAll(e.prompts());
        }
        List<Runner.ModelOutcome> outcomes;
        boolean judged;
        try (ResponsesStages stages = ResponsesStages.open(judgeSpec, chosen, dir, model, options, experiments.seed,
                err)) {
            manifest = stages.recordJudge(manifest);
            dir.writeManifest(manifest);
            Runner runner = new Runner(dir, manifest, options, maxRestarts, System.err);
            // Ctrl-C or a kill: leave the manifest saying so (the workers exit when our pipes close).
            Thread onInterrupt = new Thread(() -> {
                try {
                    runner.finish("interrupted");
                } catch (IOException e) {
                    // the process is going away; nothing more can be done
                }
            }, "mhbench-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            err.printf("run folder: %s%n%d prompts x %d model(s)%n", dir.root(), prompts.size(), models.size());
            err.flush();
            String status = "failed"; // until everything below has gone through
            try {
                try (Progress progress = new Progress(experimentId, (long) prompts.size() * models.size())) {
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
            err.printf("%s: %d recorded, %d failed items%s%n", o.label(), o.recorded(), o.failed(),
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

    private Manifest startManifest(RunDirectory dir, String experimentId, Map<String, Object> parameters)
            throws IOException {
        if (dir.hasManifest()) {
            if (!resume) {
                throw new UserError(dir.root() + " already holds a run; continue it with --resume, or choose "
                        + "another --out");
            }
            Manifest old = dir.readManifest().orElseThrow();
            String before = Json.MAPPER.writeValueAsString(old.parameters());
            String now = Json.MAPPER.writeValueAsString(Json.MAPPER.readValue(
                    Json.MAPPER.writeValueAsString(parameters), Map.class));
            if (!Objects.equals(before, now)) {
                throw new UserError("--resume: the settings differ from those " + dir.root() + " was started "
                        + "with (see its manifest.json 'parameters'); use the same options, or a new --out");
            }
            Manifest resumed = old.resumed(spec.commandLine().getParseResult().originalArgs());
            dir.writeManifest(resumed);
            return resumed;
        }
        if (resume && Files.isDirectory(dir.root()) && !isEmpty(dir.root())) {
            throw new UserError("--resume: " + dir.root() + " has no manifest.json, so it is not a run folder");
        }
        Map<String, String> binding = new LinkedHashMap<>();
        binding.put("name", "de.kherud:llama");
        binding.put("version", Version.bindingVersion());
        binding.put("llama_cpp_build", "b4916");
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

    private Map<String, Object> parameters(List<ModelConfig> models, List<Experiment> chosen) {
        Map<String, Object> p = new LinkedHashMap<>();
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
