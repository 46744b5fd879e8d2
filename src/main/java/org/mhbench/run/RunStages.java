package org.mhbench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.Judges;
import org.mhbench.responses.BridgeRequest;
import org.mhbench.responses.BridgeStage;
import org.mhbench.responses.JudgeStage;
import org.mhbench.responses.ResponseStimulus;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.stimuli.Experiment;

/**
 * The stages {@code run} adds around generation for the responses experiment: writing the bridging
 * turns before it ({@code --contextualize}, {@link BridgeStage}) and judging each reply as it comes
 * ({@link JudgeStage}), then judging whatever is still unjudged (e.g. replies of an earlier,
 * interrupted run). A judge that fails mid-run stops judging, not the run: the replies stay in the
 * run folder and {@code mhbench judge RUN_DIR} finishes the job.
 */
public final class RunStages implements AutoCloseable {

    private final RunDirectory dir;
    private final java.util.function.Consumer<String> notes;
    private Judge judge;
    private JsonlLog<Judgment> log;
    private JudgeStage stage;
    private String judgeFailure;
    private long judgeNanos;
    private int verdictsBefore;

    private RunStages(RunDirectory dir, java.util.function.Consumer<String> notes) {
        this.dir = dir;
        this.notes = notes;
    }

    /** The responses experiment among {@code chosen}, if any. */
    public static ResponsesExperiment responses(List<Experiment> chosen) {
        return chosen.stream().filter(ResponsesExperiment.class::isInstance).map(ResponsesExperiment.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * Writes the missing bridging turns of a contextualized responses experiment with its bridge model
     * and returns the experiments with the bridges in place (unchanged when not contextualizing).
     */
    public static List<Experiment> writeBridges(List<Experiment> chosen, RunDirectory dir, int threads, int gpuLayers,
                                                Backend backend, java.util.function.Consumer<String> notes)
            throws IOException, GenerationException {
        ResponsesExperiment e = responses(chosen);
        if (e == null || !e.needsBridges()) {
            return chosen;
        }
        List<BridgeRequest> missing = BridgeStage.missing(e, dir.root());
        ResponsesExperiment bridged;
        if (missing.isEmpty()) {
            bridged = BridgeStage.write(e, dir.root(), null, e.settings().seed(), r -> { });
        } else {
            Path file = e.settings().bridgeModel();
            ModelConfig config = backend.withDefaults(ModelConfig.of(file).withThreads(threads).withGpuLayers(gpuLayers));
            notes.accept("writing " + org.mhbench.util.Plural.of(missing.size(), "bridging turn") + " with "
                    + config.label());
            try (ChatModel bridge = backend.start(config, dir.workerLog("bridge-" + config.label()))) {
                bridged = BridgeStage.write(e, dir.root(), bridge, e.settings().seed(), r -> { });
            }
        }
        List<Experiment> out = new ArrayList<>(chosen);
        out.set(out.indexOf(e), bridged);
        return out;
    }

    /**
     * Opens the judge named by {@code spec} (none when {@code null}) for judging as the run goes.
     *
     * @throws GenerationException when an LLM judge's model cannot be loaded
     */
    public static RunStages open(String spec, List<Experiment> chosen, RunDirectory dir, int threads, int gpuLayers,
                                 Backend backend, long seed, java.util.function.Consumer<String> notes)
            throws IOException, GenerationException {
        RunStages s = new RunStages(dir, notes);
        ResponsesExperiment e = responses(chosen);
        if (spec == null || e == null) {
            return s;
        }
        s.judge = Judges.open(spec, setup(e.stimuli(), () -> backend, dir.workerLog("judge"), threads, gpuLayers, 0,
                seed));
        s.log = RunDirectory.openJudgments(dir.root());
        s.stage = new JudgeStage(s.judge, s.log);
        s.verdictsBefore = s.log.keys().size();
        // A judge under an id this run folder already knows must be that same judge (version, training data).
        JudgeStage.checkManifest(dir.readManifest().orElseThrow().judges(), s.judge.info(), dir.manifestFile());
        notes.accept("judging replies with " + s.judge.info().id());
        return s;
    }

    /** What an LLM judge needs from the stimuli. */
    public static Judges.Setup setup(ResponsesStimuli stimuli, java.util.function.Supplier<Backend> backend, Path logFile, int threads, int gpuLayers,
                              int contextSize, long seed) {
        Map<String, String> inappropriate = new LinkedHashMap<>();
        for (ResponseStimulus s : stimuli.stimuli()) {
            inappropriate.put(s.id(), s.inappropriateAnswer());
        }
        return new Judges.Setup(stimuli.instructions().judgeInstruction(), inappropriate, backend, logFile, threads,
                gpuLayers, contextSize, seed);
    }

    /** The manifest with the judge's {@link JudgeInfo} (once per judge id). */
    Manifest recordJudge(Manifest m) {
        return judge == null ? m : m.withJudge(judge.info());
    }

    /** Judges a reply just generated (no-op without a judge, for other experiments, or after a judge failure). */
    synchronized void onRecord(ResponseRecord r) {
        if (stage == null || judgeFailure != null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            stage.judge(r);
        } catch (RuntimeException e) {
            judgeFailure = e.getMessage();
            notes.accept("note: judging stopped: " + judgeFailure + "; the replies are kept: finish with 'mhbench "
                    + "judge " + dir.root() + "'");
        } finally {
            judgeNanos += System.nanoTime() - t0;
        }
    }

    /** Verdicts recorded by this run's judge so far and the wall time spent judging; null without a judge. */
    synchronized org.mhbench.runfolder.StageCost judging() {
        return stage == null ? null : org.mhbench.runfolder.StageCost.of(log.keys().size() - verdictsBefore,
                judgeNanos / 1e9);
    }

    /**
     * Judges every reply in the run folder still unjudged by this judge.
     *
     * @return true when nothing is left unjudged (or there is no judge)
     */
    boolean finish() throws IOException {
        if (stage == null) {
            return true;
        }
        if (judgeFailure == null) {
            long t0 = System.nanoTime();
            try {
                JudgeStage.Outcome o = stage.judgeAll(ResponseLog.read(dir.responsesFile()), j -> { });
                if (o.needsReview() > 0) {
                    notes.accept("note: " + org.mhbench.util.Plural.of(o.needsReview(), "verdict") + " of "
                            + judge.info().id() + " " + org.mhbench.util.Plural.verb(o.needsReview(), "needs", "need")
                            + " review");
                }
            } catch (RuntimeException e) {
                judgeFailure = e.getMessage();
                notes.accept("note: judging stopped: " + judgeFailure + "; finish with 'mhbench judge " + dir.root()
                        + "'");
            } finally {
                synchronized (this) {
                    judgeNanos += System.nanoTime() - t0;
                }
            }
        }
        return judgeFailure == null;
    }

    @Override
    public void close() throws IOException {
        try {
            if (judge != null) {
                judge.close();
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }
}
