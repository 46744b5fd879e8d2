package org.mhbench.runfolder;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest's {@code parameters}: every effective setting of a run, which a resume compares
 * ({@code run.SettingsDiff}); or, for a folder that was imported rather than generated, where its data came
 * from. A setting with no value is left out.
 *
 * @param backend     the backend's id ({@code llama.cpp-jni}, {@code llama-server}, {@code endpoint})
 * @param limit       only the first N prompts of each experiment; {@code null} for all
 * @param models      the models, in order, as configured
 * @param experiments experiment id → its settings, in run order
 * @param runId       the id every shard of one run shares ({@code merge} checks it)
 * @param shard       {@code K/N} for a shard of a run
 * @param mergedFrom  the shards' folders, for a folder written by {@code mhbench merge}
 * @param source      where an imported folder's data came from ({@code paper-import}, {@code hand-collected})
 * @param note        a line about an imported folder's data, shown in the report
 * @param imported    experiment id → the importer's facts (files and their hashes), for a paper import
 * @param other       anything else an importer recorded ({@code paper_dir}, {@code file}, …), by JSON name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunParameters(String backend, Integer limit, List<Model> models,
                            Map<String, ExperimentParameters> experiments,
                            @JsonProperty("run_id") String runId,
                            String shard,
                            @JsonProperty("merged_from") List<String> mergedFrom,
                            String source,
                            String note,
                            Map<String, ExperimentParameters> imported,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    /** No parameters (a manifest that recorded none). */
    public static final RunParameters NONE = builder().build();

    /**
     * A model as the run configured it.
     *
     * @param label                its label in outputs
     * @param path                 its file, absolute
     * @param threads              generation threads
     * @param gpuLayers            layers offloaded to a GPU
     * @param contextSize          the context window asked for (0: the model's)
     * @param parallelSlots        concurrent requests
     * @param chatTemplateOverride whether {@code --chat-template} replaced the model's template
     * @param templateEngine       how the chat template is applied
     */
    public record Model(String label, String path, int threads,
                        @JsonProperty("gpu_layers") int gpuLayers,
                        @JsonProperty("context_size") int contextSize,
                        @JsonProperty("parallel_slots") int parallelSlots,
                        @JsonProperty("chat_template_override") boolean chatTemplateOverride,
                        @JsonProperty("template_engine") String templateEngine) {
    }

    public RunParameters {
        models = models == null ? null : List.copyOf(models);
        experiments = ordered(experiments);
        mergedFrom = mergedFrom == null ? null : List.copyOf(mergedFrom);
        imported = ordered(imported);
        other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The settings of a generated run (its {@link #runId} still to be set). */
    public static RunParameters generated(String backend, int limit, List<Model> models,
                                          Map<String, ExperimentParameters> experiments) {
        return builder().backend(backend).limit(limit > 0 ? limit : null).models(models).experiments(experiments)
                .build();
    }

    /** Where an imported folder's data came from. */
    public static RunParameters imported(String source, String note, Map<String, ExperimentParameters> imported,
                                         Map<String, Object> other) {
        return builder().source(source).note(note).imported(imported).other(other).build();
    }

    /** An experiment's settings as the run recorded them (generated, or imported). */
    public Optional<ExperimentParameters> experiment(String id) {
        if (experiments != null && experiments.containsKey(id)) {
            return Optional.of(experiments.get(id));
        }
        return Optional.ofNullable(imported == null ? null : imported.get(id));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these parameters, to change some of them. */
    public Builder toBuilder() {
        return builder().backend(backend).limit(limit).models(models).experiments(experiments).runId(runId)
                .shard(shard).mergedFrom(mergedFrom).source(source).note(note).imported(imported).other(other);
    }

    /** Builds {@link RunParameters}; every field starts empty ({@code null}). */
    public static final class Builder {
        private String backend;
        private Integer limit;
        private List<Model> models;
        private Map<String, ExperimentParameters> experiments;
        private String runId;
        private String shard;
        private List<String> mergedFrom;
        private String source;
        private String note;
        private Map<String, ExperimentParameters> imported;
        private Map<String, Object> other;

        private Builder() {
        }

        public Builder backend(String v) {
            backend = v;
            return this;
        }

        public Builder limit(Integer v) {
            limit = v;
            return this;
        }

        public Builder models(List<Model> v) {
            models = v;
            return this;
        }

        public Builder experiments(Map<String, ExperimentParameters> v) {
            experiments = v;
            return this;
        }

        public Builder runId(String v) {
            runId = v;
            return this;
        }

        public Builder shard(String v) {
            shard = v;
            return this;
        }

        public Builder mergedFrom(List<String> v) {
            mergedFrom = v;
            return this;
        }

        public Builder source(String v) {
            source = v;
            return this;
        }

        public Builder note(String v) {
            note = v;
            return this;
        }

        public Builder imported(Map<String, ExperimentParameters> v) {
            imported = v;
            return this;
        }

        public Builder other(Map<String, Object> v) {
            other = v;
            return this;
        }

        public RunParameters build() {
            return new RunParameters(backend, limit, models, experiments, runId, shard, mergedFrom, source, note,
                    imported, other);
        }
    }
}
