package org.mhbench.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.ModelInfo;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.stimuli.Prompt;

/**
 * The generate stage: sends each not-yet-recorded prompt to one model and appends what came back
 * (or why nothing did) to the run's log. Items already in the log are skipped, so calling it again
 * after an interruption resumes where it stopped.
 *
 * <p>With {@code slots > 1}, that many requests are in flight at once (the model must have as
 * many parallel slots).
 */
public final class Generator {

    private final ChatModel model;
    private final ResponseLog log;
    private final int slots;

    public Generator(ChatModel model, ResponseLog log, int slots) {
        this.model = model;
        this.log = log;
        this.slots = Math.max(1, slots);
    }

    /** The record key of a prompt for this model. */
    public static RecordKey keyOf(ModelInfo info, Prompt p) {
        return new RecordKey(info.sha256(), p.setting(), p.stimulus(), p.sample());
    }

    /** Prompts not yet in the log for this model. */
    public List<Prompt> remaining(List<Prompt> prompts) {
        List<Prompt> todo = new ArrayList<>();
        for (Prompt p : prompts) {
            if (!log.contains(keyOf(model.info(), p).id())) {
                todo.add(p);
            }
        }
        return todo;
    }

    /**
     * Generates every remaining prompt, calling {@code onRecord} after each append.
     *
     * @return {@code null} when all prompts were served (successfully or with a recorded per-item
     *         failure), or the fatal exception that stopped the model (worker died, timed out);
     *         the items in flight are recorded as failures with that reason, the rest are left for
     *         a new worker
     */
    public GenerationException run(List<Prompt> prompts, Consumer<ResponseRecord> onRecord) throws InterruptedException {
        List<Prompt> todo = remaining(prompts);
        AtomicReference<GenerationException> fatal = new AtomicReference<>();
        if (slots == 1) {
            for (Prompt p : todo) {
                if (!serve(p, onRecord, fatal)) {
                    break;
                }
            }
            return fatal.get();
        }
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Prompt p : todo) {
                futures.add(pool.submit(() -> serve(p, onRecord, fatal)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("generation task failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return fatal.get();
    }

    private boolean serve(Prompt p, Consumer<ResponseRecord> onRecord, AtomicReference<GenerationException> fatal) {
        if (fatal.get() != null) {
            return false;
        }
        ModelInfo info = model.info();
        String id = keyOf(info, p).id();
        Completion completion = null;
        Failure failure = null;
        try {
            completion = model.complete(new ChatRequest(p.messages(), p.sampling()));
        } catch (GenerationException e) {
            // A fatal error (worker died or hung on this item) is recorded against the item too, so
            // that a prompt which kills the backend cannot kill every worker started after it.
            failure = new Failure(e.kind().name(), e.getMessage());
            if (e.fatal()) {
                fatal.compareAndSet(null, e);
            }
        }
        ResponseRecord r = new ResponseRecord(id, p.experiment(), info.label(), info.sha256(), p.systemPrompt(),
                p.context(), p.condition(), p.stimulus(), p.item(), p.sample(), p.sampling().seed(), p.attributes(),
                p.messages(), completion, failure, Instant.now());
        log.append(r);
        onRecord.accept(r);
        return fatal.get() == null;
    }
}
