package org.mhbench.cli;

import org.mhbench.run.JsonlLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatModel;
import org.mhbench.judge.Judge;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.JudgeUnavailableException;
import org.mhbench.judge.Judges;
import org.mhbench.responses.BridgeRequest;
import org.mhbench.responses.BridgeStage;
import org.mhbench.responses.JudgeStage;
import org.mhbench.responses.Judgment;
import org.mhbench.responses.ResponseStimulus;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.run.Manifest;
import org.mhbench.run.ResponseLog;
import org.mhbench.run.ResponseRecord;
import org.mhbench.run.RunDirectory;
import org.mhbench.stimuli.Experiment;

/**
 * The stages {@code run} adds around generation for the responses experiment: writing the bridging
 * turns before it ({@code --contextualize}, {@link BridgeStage}) and judging each reply as it comes
 * ({@link JudgeStage}), then judging whatever is still unjudged (e.g. replies of an earlier,
 * interrupted run). A judge that fails mid-run stops judging, not the run: the replies stay in the
 * run folder and {@code mhbench judge RUN_DIR} finishes the job.
 */
final class ResponsesStages implements AutoCloseable {

    private final RunDirectory dir;
    private final PrintWriter err;
    private Judge judge;
    private JsonlLog<Judgment> log;
    private JudgeStage stage;
    private String judgeFailure;

    private ResponsesStages(RunDirectory dir, PrintWriter err) {
        this.dir = dir;
        this.err = err;
    }

    /** The responses experiment among {@code chosen}, if any. */
    static ResponsesExperiment responses(List<Experiment> chosen) {
        return chosen.stream().filter(ResponsesExperiment.class::isInstance).map(ResponsesExperiment.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * Checks the judge spec before anything long starts: a named judge that cannot be used is an error
     * (exit 2); the default judge, when this build lacks it, is a note and the run goes on unjudged.
     *
     * @return the spec to open, or {@code null} for no judging
     */
    static String checkJudge(JudgeOptions options, List<Experiment> chosen, PrintWriter err) {
        String spec = options.spec();
        if (spec == null || responses(chosen) == null) {
            return null;
        }
        try {
            Judges.check(spec);
            return spec;
        } catch (JudgeUnavailableException e) {
            if (options.explicit()) {
                throw e;
            }
            err.println("note: replies will not be judged: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /**
     * Writes the missing bridging turns of a contextualized responses experiment with its bridge model
     * and returns the experiments with the bridges in place (unchanged when not contextualizing).
     */
    static List<Experiment> writeBridges(List<Experiment> chosen, RunDirectory dir, ModelOptions models,
                                         Backend backend, PrintWriter err)
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
            ModelConfig config = ModelConfig.of(file).withThreads(models.threads).withGpuLayers(models.gpuLayers);
            err.printf("writing %d bridging turns with %s%n", missing.size(), config.label());
            err.flush();
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
    static ResponsesStages open(String spec, List<Experiment> chosen, RunDirectory dir, ModelOptions models,
                                Backend backend, long seed, PrintWriter err)
            throws IOException, GenerationException {
        ResponsesStages s = new ResponsesStages(dir, err);
        ResponsesExperiment e = responses(chosen);
        if (spec == null || e == null) {
            return s;
        }
        s.judge = Judges.open(spec, setup(e.stimuli(), () -> backend, dir.workerLog("judge"), models.threads,
                models.gpuLayers, 0, seed));
        s.log = JudgeStage.openLog(dir.root());
        s.stage = new JudgeStage(s.judge, s.log);
        // A judge under an id this run folder already knows must be that same judge (version, training data).
        JudgeStage.checkManifest(dir.readManifest().orElseThrow().judges(), s.judge.info(), dir.manifestFile());
        err.printf("judging replies with %s%n", s.judge.info().id());
        err.flush();
        return s;
    }

    /** What an LLM judge needs from the stimuli. */
    static Judges.Setup setup(ResponsesStimuli stimuli, java.util.function.Supplier<Backend> backend, Path logFile, int threads, int gpuLayers,
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
        return judge == null ? m : withJudge(m, judge.info());
    }

    /** {@code m} with {@code info} in its judges, unless a judge with that id is already there. */
    static Manifest withJudge(Manifest m, JudgeInfo info) {
        if (m.judges().stream().anyMatch(j -> info.id().equals(j.get("id")))) {
            return m;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", info.id());
        entry.put("version", info.version());
        entry.put("training_data_sha256", info.trainingDataSha256());
        entry.put("details", info.details());
        return m.withJudge(entry);
    }

    /** Judges a reply just generated (no-op without a judge, for other experiments, or after a judge failure). */
    synchronized void onRecord(ResponseRecord r) {
        if (stage == null || judgeFailure != null) {
            return;
        }
        try {
            stage.judge(r);
        } catch (RuntimeException e) {
            judgeFailure = e.getMessage();
            err.println("note: judging stopped: " + judgeFailure + "; the replies are kept: finish with 'mhbench "
                    + "judge " + dir.root() + "'");
            err.flush();
        }
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
            try {
                JudgeStage.Outcome o = stage.judgeAll(ResponseLog.read(dir.responsesFile()), j -> { });
                if (o.needsReview() > 0) {
                    err.printf("note: %s of %s %s review%n", org.mhbench.util.Plural.of(o.needsReview(), "verdict"),
                            judge.info().id(), org.mhbench.util.Plural.verb(o.needsReview(), "needs", "need"));
                }
            } catch (RuntimeException e) {
                judgeFailure = e.getMessage();
                err.println("note: judging stopped: " + judgeFailure + "; finish with 'mhbench judge " + dir.root()
                        + "'");
            }
            err.flush();
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
