package org.mhbench.runfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * The folder a run writes to. The layout is the contract between stages:
 * <pre>
 * RUN_DIR/manifest.json     what ran, where, with what ({@link Manifest})
 * RUN_DIR/responses.jsonl   one {@link ResponseRecord} per completed item, append-only
 * RUN_DIR/judgments.jsonl   one judge verdict per (record id, judge id), append-only (responses)
 * RUN_DIR/bridges.jsonl     bridging turns written by a local model (responses, --contextualize)
 * RUN_DIR/workers/*.log     stderr of each model's worker process
 * RUN_DIR/usage.csv         tokens and time per model, written by {@code mhbench run}
 * RUN_DIR/summary.csv       written by {@code mhbench score}, with coverage.csv, tests.csv and, when
 *                           they apply, by_message.csv and attribution.csv
 * RUN_DIR/report/           report.md and PNG charts, written by {@code mhbench report}
 * </pre>
 * Everything is created owner-only: outputs may hold sensitive clinical text.
 */
public final class RunDirectory {

    public static final String MANIFEST = "manifest.json";
    public static final String RESPONSES = "responses.jsonl";
    public static final String WORKERS = "workers";

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /** Creates the folder owner-only (or tightens an existing one). */
    public static RunDirectory create(Path root) throws IOException {
        PrivateFiles.directory(root);
        return new RunDirectory(root);
    }

    /** Opens an existing run folder; it must hold a manifest. */
    public static RunDirectory open(Path root) throws IOException {
        if (!Files.isRegularFile(root.resolve(MANIFEST))) {
            throw new IOException(root + " is not a run folder: it has no " + MANIFEST);
        }
        return new RunDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path manifestFile() {
        return root.resolve(MANIFEST);
    }

    public Path responsesFile() {
        return root.resolve(RESPONSES);
    }

    /** The stderr log file of a model's worker, in an owner-only subfolder. */
    public Path workerLog(String modelLabel) throws IOException {
        Path dir = PrivateFiles.directory(root.resolve(WORKERS));
        return dir.resolve(modelLabel.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
    }

    public boolean hasManifest() {
        return Files.isRegularFile(manifestFile());
    }

    public Optional<Manifest> readManifest() throws IOException {
        if (!hasManifest()) {
            return Optional.empty();
        }
        // Read leniently and upgraded, so that folders of earlier formats keep working.
        return Optional.of(Json.LENIENT.readValue(manifestFile().toFile(), Manifest.class).upgraded());
    }

    /** Writes the manifest atomically (temp file, then rename), owner-only. */
    public synchronized void writeManifest(Manifest manifest) throws IOException {
        PrivateFiles.replace(manifestFile(), tmp -> Json.PRETTY.writeValue(tmp.toFile(), manifest));
    }

    public Path judgmentsFile() {
        return root.resolve(Judgment.FILE);
    }

    /** Opens {@code judgments.jsonl} for appending, keyed by (record id, judge id). */
    public JsonlLog<Judgment> openJudgments() throws IOException {
        return openJudgments(root);
    }

    /** As {@link #openJudgments()}, for a folder given by its path. */
    public static JsonlLog<Judgment> openJudgments(Path runDir) throws IOException {
        return JsonlLog.open(runDir.resolve(Judgment.FILE), Judgment.class, Judgment::key);
    }

    /** Reads {@code RUN_DIR/judgments.jsonl}; empty when the run has none. */
    public static java.util.List<Judgment> readJudgments(Path runDir) throws IOException {
        return JsonlLog.read(runDir.resolve(Judgment.FILE), Judgment.class);
    }

    /** Opens {@code responses.jsonl} for appending (see {@link ResponseLog}). */
    public ResponseLog openResponses() throws IOException {
        return ResponseLog.open(responsesFile());
    }
}
