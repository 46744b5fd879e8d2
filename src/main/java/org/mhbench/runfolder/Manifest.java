package org.mhbench.runfolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.ModelInfo;

/**
 * {@code RUN_DIR/manifest.json}: everything needed to know what a run was and to redo it.
 * Rewritten atomically as the run goes (status {@code running}, then {@code complete},
 * {@code failed} or {@code interrupted}).
 *
 * @param format         file format id, {@value #FORMAT}
 * @param mhbenchVersion mhbench version
 * @param gitCommit      commit of the mhbench checkout, or {@code null}
 * @param experiment     what ran: {@code generate}, {@code stigma}, {@code responses}, or a list joined by "+"
 * @param command        the command line the run was started with (arguments after {@code mhbench});
 *                       {@code run --resume} reads its settings from here
 * @param startedAt      start time
 * @param finishedAt     end time, or {@code null} while running
 * @param status         running, complete, failed, interrupted
 * @param host           machine facts
 * @param binding        the backend that ran the models: its id, and the binding's version or the
 *                       llama-server's version, build flags, path and SHA-256, or the endpoint
 * @param models         models loaded, in order
 * @param failures       models that could not be loaded or whose worker died: label → reason
 * @param parameters     every effective setting (threads, seeds, temperature, max tokens, samples,
 *                       system prompts, stimulus files and their hashes, …)
 * @param judges         judges used (id, version, training-data hash), if any
 * @param cost           what generating cost: wall and CPU seconds, energy (measured or estimated, with its
 *                       source), Wh per 1,000 items; {@code null} until a run has finished a generation stage
 */
public record Manifest(String format, String mhbenchVersion, String gitCommit, String experiment, List<String> command,
                       Instant startedAt, Instant finishedAt, String status, HostInfo host,
                       Map<String, Object> binding, List<ModelInfo> models, Map<String, String> failures,
                       Map<String, Object> parameters, List<Map<String, Object>> judges,
                       Map<String, Object> cost) {

    /**
     * The run folder's format. 2 (mhbench with backends): {@code binding} describes the backend (values
     * may be objects), {@code parameters.backend} names it, {@code command} keeps the start command.
     */
    public static final String FORMAT = "mhbench-run/2";
    /** The first format: the in-process backend only; read by upgrading ({@link #upgraded()}). */
    public static final String FORMAT_1 = "mhbench-run/1";

    public Manifest {
        command = command == null ? List.of() : List.copyOf(command);
        binding = ordered(binding);
        models = models == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(models));
        failures = ordered(failures);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        judges = judges == null ? List.of() : List.copyOf(judges);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * This manifest in the current format: a format-1 manifest ran on the in-process backend, which it did
     * not name. Other formats are returned as they are.
     */
    public Manifest upgraded() {
        if (!FORMAT_1.equals(format)) {
            return this;
        }
        Map<String, Object> newBinding = new LinkedHashMap<>();
        newBinding.put("backend", "llama.cpp-jni");
        newBinding.putAll(binding);
        Map<String, Object> newParameters = new LinkedHashMap<>();
        newParameters.put("backend", "llama.cpp-jni");
        newParameters.putAll(parameters);
        // Format 1 generated every stigma answer to its cap.
        if (newParameters.get("experiments") instanceof Map<?, ?> ex && ex.get("stigma") instanceof Map<?, ?> st) {
            Map<Object, Object> stigma = new LinkedHashMap<>(st);
            stigma.putIfAbsent("answers", "full");
            Map<Object, Object> experiments = new LinkedHashMap<>(ex);
            experiments.put("stigma", stigma);
            newParameters.put("experiments", experiments);
        }
        return new Manifest(FORMAT, mhbenchVersion, gitCommit, experiment, command, startedAt, finishedAt, status, host,
                newBinding, models, failures, newParameters, judges, cost);
    }

    public Manifest withModel(ModelInfo info) {
        List<ModelInfo> more = new ArrayList<>(models);
        more.add(info);
        return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, finishedAt, status, host,
                binding, more, failures, parameters, judges, cost);
    }

    public Manifest withFailure(String label, String reason) {
        Map<String, String> more = new LinkedHashMap<>(failures);
        more.put(label, reason);
        return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, finishedAt, status, host,
                binding, models, more, parameters, judges, cost);
    }

    public Manifest withJudge(Map<String, Object> judge) {
        List<Map<String, Object>> more = new ArrayList<>(judges);
        more.add(judge);
        return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, finishedAt, status, host,
                binding, models, failures, parameters, more, cost);
    }

    public Manifest withCost(Map<String, Object> newCost) {
        return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, finishedAt, status, host,
                binding, models, failures, parameters, judges, newCost);
    }

    public Manifest finished(String newStatus, Instant at) {
        return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, at, newStatus, host,
                binding, models, failures, parameters, judges, cost);
    }

    /** Running again, with {@code newParameters} (equal but for what a resume may change, e.g. the limit). */
    public Manifest resumed(Map<String, Object> newParameters) {
        return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, null, "running",
                host, binding, List.of(), Map.of(), newParameters, judges, cost);
    }
}
