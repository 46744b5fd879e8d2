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
import org.mhbench.util.Json;

/**
 * One experiment's entry in the manifest's {@code parameters.experiments} (or {@code parameters.imported}):
 * the settings every experiment has, typed, and the experiment's own ({@code settings}: vignettes,
 * decodings, answers, transcripts, interval, …), which its {@code Experiment.describe()} defines and which
 * are written beside them. A setting with no value is left out.
 *
 * @param stimuliDir          the stimulus folder the prompts were built from
 * @param stimulusFilesSha256 stimulus file → SHA-256
 * @param systemPrompts       the system prompts, by label
 * @param temperature         sampling temperature
 * @param maxTokens           the token cap
 * @param seed                the sampling seed
 * @param samples             samples per prompt
 * @param prompts             prompts per model
 * @param settings            the experiment's own settings, by their JSON names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentParameters(@JsonProperty("stimuli_dir") String stimuliDir,
                                   @JsonProperty("stimulus_files_sha256") Map<String, String> stimulusFilesSha256,
                                   @JsonProperty("system_prompts") List<SystemPrompt> systemPrompts,
                                   Double temperature,
                                   @JsonProperty("max_tokens") Integer maxTokens,
                                   Long seed,
                                   Integer samples,
                                   Long prompts,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> settings) {

    /**
     * A system prompt as the manifest records it.
     *
     * @param label              its label ({@code none}, {@code steel-man}, a file's name)
     * @param source             its file, or {@code null} for a built-in one
     * @param sha256             SHA-256 of its text, or {@code null} for none
     * @param chars              its length in characters (stigma); left out where not recorded
     * @param systemMessageChars the length of the whole system message (responses); left out where not recorded
     */
    public record SystemPrompt(String label, String source, String sha256,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer chars,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("system_message_chars")
                               Integer systemMessageChars) {
    }

    public ExperimentParameters {
        stimulusFilesSha256 = stimulusFilesSha256 == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(stimulusFilesSha256));
        systemPrompts = systemPrompts == null ? null : List.copyOf(systemPrompts);
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * An experiment's description ({@code Experiment.describe()}, an importer's facts) read into the schema:
     * the common settings by their JSON names, the rest kept as the experiment's own.
     */
    public static ExperimentParameters of(Map<String, ?> description) {
        return Json.MAPPER.convertValue(description, ExperimentParameters.class);
    }

    /** The experiment's own setting {@code name}, if recorded. */
    public Optional<Object> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** The same settings with {@code name} set to {@code value} where it is not recorded. */
    public ExperimentParameters withSettingIfAbsent(String name, Object value) {
        if (settings.containsKey(name)) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(settings);
        more.put(name, value);
        return new ExperimentParameters(stimuliDir, stimulusFilesSha256, systemPrompts, temperature, maxTokens, seed,
                samples, prompts, more);
    }
}
