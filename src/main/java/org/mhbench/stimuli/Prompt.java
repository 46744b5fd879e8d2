package org.mhbench.stimuli;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.SamplingSettings;

/**
 * One planned generation: what to send, how to decode it, and the labels its
 * {@link org.mhbench.runfolder.ResponseRecord} will carry. Built by an {@link Experiment}; the runner adds
 * the model and records the outcome.
 *
 * @param experiment   experiment id, e.g. {@code stigma}
 * @param setting      the key part that distinguishes conditions of the same stimulus, e.g.
 *                     {@code steel-man} (see {@link org.mhbench.runfolder.RecordKey})
 * @param stimulus     stimulus id, unique within the experiment and setting
 * @param item         what is measured (question id, or the stimulus id)
 * @param condition    the stimulus's condition, e.g. {@code depression}
 * @param systemPrompt system-prompt label: {@code none}, {@code steel-man} or a file's label
 * @param context      {@code none} (the stimulus alone), {@code transcript}, or
 *                     {@code transcript+bridge} (with a model-written bridging turn)
 * @param sample       sample index (0-based)
 * @param attributes   experiment-specific factors, recorded verbatim
 * @param messages     the conversation to continue
 * @param sampling     decoding settings (seed included)
 */
public record Prompt(String experiment, String setting, String stimulus, String item, String condition,
                     String systemPrompt, String context, int sample, Map<String, String> attributes,
                     List<ChatMessage> messages, SamplingSettings sampling) {

    public Prompt {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(stimulus, "stimulus");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(sampling, "sampling");
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
        messages = List.copyOf(messages);
    }
}
