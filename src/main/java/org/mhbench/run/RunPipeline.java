package org.mhbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mhbench.Version;
import org.mhbench.experiments.RunScoring;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.report.Usage;
import org.mhbench.report.UsageCsv;
import org.mhbench.runfolder.CostSummary;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.GitInfo;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.runfolder.RunParameters;
import org.mhbench.score.ScoreResult;
import org.mhbench.stimuli.Experiment;
import org.mhbench.stimuli.Prompt;

/**
 * A run, start to end: stimuli → generate → judge → score → report, into one run folder. The command
 * line builds a {@link RunSpec} and calls {@link #run}; everything a run decides and writes happens here,
 * and what a person should see goes to the {@link Listener}.
 *
 * <p>Stages, in order: the manifest (new, or a resumed run's, whose settings must be equal); the bridging
 * turns of a contextualized responses experiment; generation of every prompt not yet recorded, model by
 * model ({@link Runner}), each reply of the responses experiment judged as it comes ({@link RunStages});
 * whatever is still unjudged; {@code usage.csv}; scores and the report. A Ctrl-C or kill leaves the
 * manifest saying {@code interrupted}; everything recorded stays, and a resume continues from there.
 */
public final class RunPipeline {

    /** What a person watching a run is told. */
    public interface Listener {

        /** A line worth showing (stderr in the command line). */
        void note(String line);

        /** Generation starts: {@code total} items, {@code alreadyDone} of them recorded by an earlier try. */
        default void generationStarted(RunDirectory dir, long total, long alreadyDone) {
        }

        /** One item was recorded (a reply or a failure). */
        default void recorded(ResponseRecord record) {
        }

        /** Generation ended (before judging what is left, scoring and the report). */
        default void generationEnded() {
        }
    }

    /**
     * What a run did.
     *
     * @param dir      its folder
     * @param outcomes per model: recorded and failed items, or why it failed
     * @param judged   false when judging stopped (the replies are kept; {@code mhbench judge} finishes)
     * @param status   {@code complete} or {@code failed}
     * @param usage    tokens and time per model and experiment (all records of the folder)
     * @param scores   the scores, or {@code null} when not scored
     * @param cost     what generating and judging cost ({@link CostMeter}), all tries of a resumed run together
     */
    public record Result(RunDirectory dir, List<Runner.ModelOutcome> outcomes, boolean judged, String status,
                         List<Usage> usage, ScoreResult scores, CostSummary cost) {

        /** True when a model failed or judging stopped. */
        public boolean anyFailed() {
            return outcomes.stream().anyMatch(o -> o.failure() != null) || !judged;
        }
    }

    /** Raised for a run folder that cannot take this run (bad input: another run's folder, changed settings). */
    public static final class RunFolderException extends RuntimeException {
        public RunFolderException(String message) {
            super(message);
        }
    }

    /** Raised when the run is interrupted; the manifest says so and the run can be resumed. */
    public static final class Interrupted extends Exception {
        public Interrupted(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code spec}.
     *
     * @throws RunFolderException  when {@code spec.out()} holds another run, or a resumed run's settings differ
     * @throws GenerationException when the bridge model or an LLM judge cannot be loaded (the manifest
     *                             says {@code failed})
     * @throws Interrupted         on interruption
     */
    public Result run(RunSpec spec, Listener listener) throws IOException, GenerationException, Interrupted {
        RunParameters parameters = parameters(spec);
        RunDirectory dir = RunDirectory.create(spec.out());
        Manifest manifest = startManifest(dir, spec, parameters);

        List<Experiment> experiments;
        try {
            experiments = RunStages.writeBridges(spec.experiments(), dir, threadsOf(spec), gpuLayersOf(spec),
                    spec.backend(), listener::note);
        } catch (GenerationException e) {
            dir.writeManifest(manifest.finished("failed", Instant.now()));
            throw e;
        }
        List<Prompt> prompts = prompts(experiments, spec.limit());
        if (spec.shard() != null) {
            prompts = spec.shard().select(prompts);
        }
        List<Runner.ModelOutcome> outcomes;
        boolean judged;
        String status = "failed"; // until everything below has gone through
        RunSpec.Judging j = spec.judge();
        CostMeter meter = new CostMeter(spec.wattsPerCore());
        long[] items = new long[1];
        try (RunStages stages = j == null ? RunStages.open(null, experiments, dir, 0, 0, spec.backend(), 0,
                listener::note) : RunStages.open(j.spec(), experiments, dir, j.threads(), j.gpuLayers(), spec.backend(),
                j.seed(), listener::note)) {
            manifest = stages.recordJudge(manifest);
            dir.writeManifest(manifest);
            Runner runner = new Runner(dir, manifest, spec.backend(), spec.maxRestarts(), listener::note);
            // Ctrl-C or a kill: leave the manifest saying so (workers and servers exit when our pipes close).
            Thread onInterrupt = new Thread(() -> {
                try {
                    runner.finish("interrupted");
                } catch (IOException e) {
                    // the process is going away; nothing more can be done
                }
            }, "mhbench-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            listener.note("run folder: " + dir.root() + "\n" + org.mhbench.util.Plural.of(prompts.size(), "prompt")
                    + " x " + org.mhbench.util.Plural.of(spec.models().size(), "model"));
            try {
                listener.generationStarted(dir, (long) prompts.size() * spec.models().size(),
                        alreadyDone(dir, spec.models(), prompts));
                try {
                    outcomes = runner.run(spec.models(), prompts, r -> {
                        items[0]++;
                        listener.recorded(r);
                        stages.onRecord(r);
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = "interrupted";
                    throw new Interrupted("interrupted; continue with: mhbench run --resume --out " + dir.root());
                } finally {
                    listener.generationEnded();
                }
                judged = stages.finish();
                status = outcomes.stream().anyMatch(o -> o.failure() != null) ? "failed" : "complete";
            } finally {
                meter.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                    runner.recordCost(meter.cost(items[0]).withStages(stages.judging())
                            .plus(runner.manifest().cost()));
                    runner.finish(status);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is writing "interrupted"
                }
            }
        }
        List<Usage> usage = Usage.of(ResponseLog.read(dir.responsesFile()));
        UsageCsv.write(dir.root(), usage);
        ScoreResult scores = null;
        if (spec.scoring() != null) {
            scores = RunScoring.score(dir, spec.stimuliRoot(), spec.scoring(), listener::note);
        }
        return new Result(dir, outcomes, judged, status, usage, scores, dir.readManifest().orElseThrow().cost());
    }

    private static int threadsOf(RunSpec spec) {
        return spec.models().isEmpty() ? 0 : spec.models().get(0).threads();
    }

    private static int gpuLayersOf(RunSpec spec) {
        return spec.models().isEmpty() ? 0 : spec.models().get(0).gpuLayers();
    }

    /** Each experiment's prompts in its own order, the first {@code limit} of each when a limit is set. */
    static List<Prompt> prompts(List<Experiment> experiments, int limit) {
        List<Prompt> prompts = new ArrayList<>();
        for (Experiment e : experiments) {
            List<Prompt> all = e.prompts();
            prompts.addAll(limit > 0 ? all.subList(0, Math.min(limit, all.size())) : all);
        }
        return prompts;
    }

    private static Manifest startManifest(RunDirectory dir, RunSpec spec, RunParameters parameters)
            throws IOException {
        if (dir.hasManifest()) {
            if (!spec.resume()) {
                throw new RunFolderException(dir.root() + " already holds a run; continue it with --resume, or choose "
                        + "another --out");
            }
            Manifest old = dir.readManifest().orElseThrow();
            List<String> changed = SettingsDiff.changed(old.parameters(), parameters);
            if (!changed.isEmpty()) {
                throw new RunFolderException("--resume: " + dir.root() + " was started with other settings: "
                        + String.join("; ", changed) + " (a model file or backend that changed since, or a new "
                        + "mhbench); start a new run with another --out");
            }
            // The same settings: the run keeps its id (a shard resumed by a newer mhbench still merges).
            RunParameters again = old.parameters().runId() != null
                    && java.util.Objects.equals(old.parameters().limit(), parameters.limit())
                    ? parameters.toBuilder().runId(old.parameters().runId()).build() : parameters;
            Manifest resumed = old.resumed(again);
            dir.writeManifest(resumed);
            return resumed;
        }
        if (spec.resume() && Files.isDirectory(dir.root()) && !isEmpty(dir.root())) {
            throw new RunFolderException("--resume: " + dir.root() + " has no manifest.json, so it is not a run folder");
        }
        Manifest m = Manifest.builder().mhbenchVersion(Version.mhbench()).gitCommit(GitInfo.commit().orElse(null))
                .experiment(spec.experimentId()).command(spec.command()).startedAt(Instant.now()).status("running")
                .host(HostInfo.current()).binding(spec.backend().describe()).parameters(parameters).build();
        dir.writeManifest(m);
        return m;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Every effective setting, as the manifest records them and a resume compares them. */
    static RunParameters parameters(RunSpec spec) {
        List<RunParameters.Model> models = new ArrayList<>();
        for (ModelConfig c : spec.models()) {
            models.add(new RunParameters.Model(c.label(), c.path().toAbsolutePath().toString(), c.effectiveThreads(),
                    c.gpuLayers(), c.contextSize(), c.parallelSlots(), c.chatTemplate() != null,
                    c.templateEngine().name().toLowerCase(Locale.ROOT)));
        }
        Map<String, ExperimentParameters> experiments = new LinkedHashMap<>();
        for (Experiment e : spec.experiments()) {
            experiments.put(e.id(), ExperimentParameters.of(e.describe()));
        }
        RunParameters p = RunParameters.generated(spec.backend().id(), spec.limit(), models, experiments);
        // Every shard of one spec shares this id; merge checks it.
        return p.toBuilder().runId(org.mhbench.util.Hashing.sha256(org.mhbench.util.Json.MAPPER.valueToTree(p)
                        .toString()).substring(0, 16))
                .shard(spec.shard() == null ? null : spec.shard().toString()).build();
    }

    /** How many of these prompts the run folder already holds for these models (0 for a new run). */
    static long alreadyDone(RunDirectory dir, List<ModelConfig> models, List<Prompt> prompts) throws IOException {
        if (!Files.isRegularFile(dir.responsesFile())) {
            return 0;
        }
        Set<String> wanted = new HashSet<>();
        for (Prompt p : prompts) {
            wanted.add(RecordKey.item(p.setting(), p.stimulus(), p.sample()));
        }
        Set<String> labels = new HashSet<>();
        models.forEach(m -> labels.add(m.label()));
        return ResponseLog.read(dir.responsesFile()).stream()
                .filter(r -> labels.contains(r.model()) && wanted.contains(RecordKey.itemOf(r.id())))
                .count();
    }
}
