package org.mhbench.responses;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.JsonlLog;

/**
 * Writes the bridging turns of a contextualized run ({@code --contextualize}) before generation, with
 * a local "bridge" model standing in for the paper's gpt-4o contextualizer (temperature 0, at most
 * 512 tokens, paper-methods §2.3), into {@code RUN_DIR/bridges.jsonl}, one {@link BridgeRecord} per
 * prompt (samples share it). Append-only and resumable like {@code responses.jsonl}; the file is
 * also the record of exactly what was inserted, which the paper did not keep.
 *
 * <p>A request the bridge model cannot serve (e.g. it overflows the bridge model's context) is
 * recorded with its failure; that prompt then goes out without a bridge, with
 * {@code contextualized = failed}. A fatal error (the bridge model's worker died) stops the stage;
 * a rerun continues where it stopped.
 */
public final class BridgeStage {

    /** The file name inside a run folder. */
    public static final String FILE = "bridges.jsonl";
    /** Token cap of a bridging turn, as the paper's contextualizer call. */
    public static final int MAX_TOKENS = 512;

    /**
     * One line of {@code bridges.jsonl}.
     *
     * @param key         {@link BridgeRequest#key()}: {@code <setting>:<stimulus>}
     * @param model       the bridge model's label
     * @param modelSha256 its file's SHA-256
     * @param request     the single user message sent to it
     * @param text        the bridging turn, or {@code null} when it failed
     * @param failure     why there is no text, or {@code null}
     * @param writtenAt   when it was recorded
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BridgeRecord(String key, String model, String modelSha256, String request, String text,
                               Failure failure, Instant writtenAt) {

        Bridge bridge() {
            return text != null ? Bridge.of(text) : Bridge.failed(failure == null ? "UNKNOWN" : failure.kind());
        }
    }

    private BridgeStage() {
    }

    /** The requests of {@code experiment} that {@code RUN_DIR/bridges.jsonl} does not answer yet. */
    public static List<BridgeRequest> missing(ResponsesExperiment experiment, Path runDir) throws IOException {
        Map<String, BridgeRecord> have = new LinkedHashMap<>();
        for (BridgeRecord r : JsonlLog.read(runDir.resolve(FILE), BridgeRecord.class)) {
            have.put(r.key(), r);
        }
        List<BridgeRequest> out = new ArrayList<>();
        for (BridgeRequest q : experiment.bridgeRequests()) {
            if (!have.containsKey(q.key())) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Writes the missing bridges with {@code model} (which may be {@code null} when none is missing)
     * and returns the experiment with all its bridges.
     *
     * @param seed       sampler seed of the bridge requests
     * @param onWritten  called after each new record (progress)
     * @throws GenerationException when the bridge model's worker dies; what was written is kept
     */
    public static ResponsesExperiment write(ResponsesExperiment experiment, Path runDir, ChatModel model, long seed,
                                            Consumer<BridgeRecord> onWritten) throws IOException, GenerationException {
        Map<String, Bridge> bridges = new LinkedHashMap<>();
        try (JsonlLog<BridgeRecord> log = JsonlLog.open(runDir.resolve(FILE), BridgeRecord.class, BridgeRecord::key)) {
            SamplingSettings sampling = SamplingSettings.greedy(MAX_TOKENS, seed);
            for (BridgeRequest q : experiment.bridgeRequests()) {
                BridgeRecord r = log.get(q.key());
                if (r == null) {
                    if (model == null) {
                        throw new IllegalStateException("bridge " + q.key() + " is missing and no bridge model is open");
                    }
                    r = ask(model, q, sampling);
                    log.append(r);
                    onWritten.accept(r);
                }
                bridges.put(q.key(), r.bridge());
            }
        }
        return experiment.withBridges(bridges);
    }

    private static BridgeRecord ask(ChatModel model, BridgeRequest q, SamplingSettings sampling)
            throws GenerationException {
        String request = q.messages().get(0).content();
        try {
            Completion c = model.complete(new ChatRequest(q.messages(), sampling));
            return new BridgeRecord(q.key(), model.info().label(), model.info().sha256(), request, c.text(), null,
                    Instant.now());
        } catch (GenerationException e) {
            if (e.fatal()) {
                throw e;
            }
            return new BridgeRecord(q.key(), model.info().label(), model.info().sha256(), request, null,
                    new Failure(e.kind().name(), e.getMessage()), Instant.now());
        }
    }
}
