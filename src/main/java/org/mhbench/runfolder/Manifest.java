package org.mhbench.runfolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.ModelInfo;
import org.mhbench.judge.JudgeInfo;

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
 * @param parameters     every effective setting ({@link RunParameters}: backend, models, per experiment its
 *                       seeds, temperature, max tokens, samples, system prompts, stimulus files and their hashes, …)
 * @param judges         judges used (id, version, training-data hash, details), if any
 * @param cost           what generating cost ({@link CostSummary}); {@code null} until a run has finished a
 *                       generation stage
 */
public record Manifest(String format, String mhbenchVersion, String gitCommit, String experiment, List<String> command,
                       Instant startedAt, Instant finishedAt, String status, HostInfo host,
                       Map<String, Object> binding, List<ModelInfo> models, Map<String, String> failures,
                       RunParameters parameters, List<JudgeInfo> judges, CostSummary cost) {

    /**
     * The run folder's format. 3: {@code parameters}, {@code judges} and {@code cost} have a fixed schema
     * ({@link RunParameters}, {@link JudgeInfo}, {@link CostSummary}) under the field names format 2 wrote; a
     * setting with no value is left out rather than written as {@code null}. 2 (mhbench with backends):
     * {@code binding} describes the backend (values may be objects), {@code parameters.backend} names it,
     * {@code command} keeps the start command.
     */
    public static final String FORMAT = "mhbench-run/3";
    /** The format before the typed parameters; read as it is ({@link #upgraded()}). */
    public static final String FORMAT_2 = "mhbench-run/2";
    /** The first format: the in-process backend only; read by upgrading ({@link #upgraded()}). */
    public static final String FORMAT_1 = "mhbench-run/1";

    public Manifest {
        command = command == null ? List.of() : List.copyOf(command);
        binding = ordered(binding);
        models = models == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(models));
        failures = ordered(failures);
        parameters = parameters == null ? RunParameters.NONE : parameters;
        judges = judges == null ? List.of() : List.copyOf(judges);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A new manifest in the current format: everything else starts empty ({@code null}). */
    public static Builder builder() {
        return new Builder().format(FORMAT);
    }

    /** A builder holding this manifest, to change some of it. */
    public Builder toBuilder() {
        return new Builder().format(format).mhbenchVersion(mhbenchVersion).gitCommit(gitCommit).experiment(experiment)
                .command(command).startedAt(startedAt).finishedAt(finishedAt).status(status).host(host)
                .binding(binding).models(models).failures(failures).parameters(parameters).judges(judges).cost(cost);
    }

    /**
     * This manifest in the current format. Format 2 wrote the fields format 3 reads; a format-1 manifest ran
     * on the in-process backend, which it did not name, and generated every stigma answer to its cap. A
     * later format is returned as it is.
     */
    public Manifest upgraded() {
        if (FORMAT_2.equals(format)) {
            return toBuilder().format(FORMAT).build();
        }
        if (!FORMAT_1.equals(format)) {
            return this;
        }
        Map<String, Object> newBinding = new LinkedHashMap<>();
        newBinding.put("backend", "llama.cpp-jni");
        newBinding.putAll(binding);
        RunParameters.Builder p = parameters.toBuilder();
        if (parameters.backend() == null) {
            p.backend("llama.cpp-jni");
        }
        if (parameters.experiments() != null && parameters.experiments().containsKey("stigma")) {
            Map<String, ExperimentParameters> experiments = new LinkedHashMap<>(parameters.experiments());
            experiments.put("stigma", experiments.get("stigma").withSettingIfAbsent("answers", "full"));
            p.experiments(experiments);
        }
        return toBuilder().format(FORMAT).binding(newBinding).parameters(p.build()).build();
    }

    public Manifest withModel(ModelInfo info) {
        List<ModelInfo> more = new ArrayList<>(models);
        more.add(info);
        return toBuilder().models(more).build();
    }

    public Manifest withFailure(String label, String reason) {
        Map<String, String> more = new LinkedHashMap<>(failures);
        more.put(label, reason);
        return toBuilder().failures(more).build();
    }

    /** The manifest with {@code judge} in its judges, unless a judge with that id is already there. */
    public Manifest withJudge(JudgeInfo judge) {
        if (judge(judge.id()).isPresent()) {
            return this;
        }
        List<JudgeInfo> more = new ArrayList<>(judges);
        more.add(judge);
        return toBuilder().judges(more).build();
    }

    /** The judge recorded under {@code id}, if any. */
    public java.util.Optional<JudgeInfo> judge(String id) {
        return judges.stream().filter(j -> id.equals(j.id())).findFirst();
    }

    public Manifest withCost(CostSummary newCost) {
        return toBuilder().cost(newCost).build();
    }

    public Manifest finished(String newStatus, Instant at) {
        return toBuilder().status(newStatus).finishedAt(at).build();
    }

    /** Running again, with {@code newParameters} (equal but for what a resume may change, e.g. the limit). */
    public Manifest resumed(RunParameters newParameters) {
        return toBuilder().finishedAt(null).status("running").models(List.of()).failures(Map.of())
                .parameters(newParameters).build();
    }

    /** Builds a {@link Manifest}. */
    public static final class Builder {
        private String format;
        private String mhbenchVersion;
        private String gitCommit;
        private String experiment;
        private List<String> command;
        private Instant startedAt;
        private Instant finishedAt;
        private String status;
        private HostInfo host;
        private Map<String, Object> binding;
        private List<ModelInfo> models;
        private Map<String, String> failures;
        private RunParameters parameters;
        private List<JudgeInfo> judges;
        private CostSummary cost;

        private Builder() {
        }

        public Builder format(String v) {
            format = v;
            return this;
        }

        public Builder mhbenchVersion(String v) {
            mhbenchVersion = v;
            return this;
        }

        public Builder gitCommit(String v) {
            gitCommit = v;
            return this;
        }

        public Builder experiment(String v) {
            experiment = v;
            return this;
        }

        public Builder command(List<String> v) {
            command = v;
            return this;
        }

        public Builder startedAt(Instant v) {
            startedAt = v;
            return this;
        }

        public Builder finishedAt(Instant v) {
            finishedAt = v;
            return this;
        }

        public Builder status(String v) {
            status = v;
            return this;
        }

        public Builder host(HostInfo v) {
            host = v;
            return this;
        }

        public Builder binding(Map<String, Object> v) {
            binding = v;
            return this;
        }

        public Builder models(List<ModelInfo> v) {
            models = v;
            return this;
        }

        public Builder failures(Map<String, String> v) {
            failures = v;
            return this;
        }

        public Builder parameters(RunParameters v) {
            parameters = v;
            return this;
        }

        public Builder judges(List<JudgeInfo> v) {
            judges = v;
            return this;
        }

        public Builder cost(CostSummary v) {
            cost = v;
            return this;
        }

        public Manifest build() {
            return new Manifest(format, mhbenchVersion, gitCommit, experiment, command, startedAt, finishedAt, status,
                    host, binding, models, failures, parameters, judges, cost);
        }
    }
}
