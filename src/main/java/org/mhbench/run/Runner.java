package org.mhbench.run;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.runfolder.CostSummary;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.stimuli.Prompt;

/**
 * Runs a list of prompts on each model, one backend process per model, into one run folder.
 * A model that fails to load, or whose worker keeps dying, is recorded in the manifest and the run
 * goes on with the next model.
 */
public final class Runner {

    private final RunDirectory dir;
    private final Backend backend;
    private final int maxRestarts;
    private final Consumer<String> log;
    private Manifest manifest;

    /**
     * @param dir           the run folder (manifest already written)
     * @param manifest      its current manifest
     * @param backend       where models run (one worker process, llama-server or endpoint per model; its log
     *                      goes to the run folder's per-model log)
     * @param maxRestarts   how many times a dead worker is replaced before the model is given up
     * @param log           where one-line progress notes go (stderr in the command line)
     */
    public Runner(RunDirectory dir, Manifest manifest, Backend backend, int maxRestarts, Consumer<String> log) {
        this.dir = dir;
        this.manifest = manifest;
        this.backend = backend;
        this.maxRestarts = maxRestarts;
        this.log = log;
    }

    /** What happened to one model. */
    public record ModelOutcome(String label, ModelInfo info, int recorded, int failed, String failure) {
    }

    /**
     * Generates all prompts for all models.
     *
     * @param onRecord called after each appended record (progress display)
     */
    public List<ModelOutcome> run(List<ModelConfig> models, List<Prompt> prompts, Consumer<ResponseRecord> onRecord)
            throws IOException, InterruptedException {
        List<ModelOutcome> outcomes = new ArrayList<>();
        try (ResponseLog responses = dir.openResponses()) {
            if (responses.repairedTornLine()) {
                log.accept("note: " + responses.file() + " ended in a half-written line (interrupted run); it was cut");
            }
            for (ModelConfig config : models) {
                outcomes.add(runModel(config, prompts, responses, onRecord));
            }
        }
        return outcomes;
    }

    private ModelOutcome runModel(ModelConfig config, List<Prompt> prompts, ResponseLog responses,
                                  Consumer<ResponseRecord> onRecord) throws IOException, InterruptedException {
        ModelInfo info = null;
        int[] counts = new int[2];
        Consumer<ResponseRecord> count = r -> {
            counts[r.failed() ? 1 : 0]++;
            onRecord.accept(r);
        };
        for (int attempt = 0; ; attempt++) {
            ChatModel worker;
            try {
                worker = backend.start(config, dir.workerLog(config.label()));
            } catch (GenerationException e) {
                String why = e.kind() + ": " + e.getMessage();
                update(manifest.withFailure(config.label(), why));
                return new ModelOutcome(config.label(), info, counts[0], counts[1], why);
            }
            try {
                if (info == null) {
                    info = worker.info();
                    update(manifest.withModel(info));
                    log.accept("loaded " + info.label() + " on " + info.backend() + " (" + info.architecture() + ", " + info.parameters()
                            + " parameters, " + info.quantization() + ", template " + info.templateFamily()
                            + (info.templateFallback() ? " [FALLBACK: " + ("override".equals(info.templateSource())
                            ? "your --chat-template" : "the model's template") + " was not understood; ChatML used]" : "")
                            + ") in " + Math.round(info.loadMillis()) + " ms");
                }
                Generator generator = new Generator(worker, responses, config.parallelSlots());
                GenerationException fatal = generator.run(prompts, count);
                if (fatal == null) {
                    return new ModelOutcome(config.label(), info, counts[0], counts[1], null);
                }
                log.accept("worker for " + config.label() + " stopped: " + fatal.getMessage());
                if (attempt >= maxRestarts) {
                    String why = "gave up after " + (attempt + 1) + " workers died; last: " + fatal.getMessage();
                    update(manifest.withFailure(config.label(), why));
                    return new ModelOutcome(config.label(), info, counts[0], counts[1], why);
                }
                log.accept("starting a new worker for " + config.label());
            } finally {
                worker.close();
            }
        }
    }

    private void update(Manifest m) throws IOException {
        manifest = m;
        dir.writeManifest(m);
    }

    /** The manifest with everything recorded so far. */
    public Manifest manifest() {
        return manifest;
    }

    /** Records what the run cost so far. */
    public void recordCost(CostSummary cost) throws IOException {
        update(manifest.withCost(cost));
    }

    /** Writes the final status. */
    public void finish(String status) throws IOException {
        update(manifest.finished(status, Instant.now()));
    }
}
