package org.mhbench.responses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.stimuli.Experiment;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.transcripts.Transcript;
import org.mhbench.util.Hashing;

/**
 * Experiment 2 of the paper: does a model reply appropriately to a client showing suicidal ideation,
 * delusions, hallucinations, mania or obsessive-compulsive behaviour (paper-methods §2)?
 *
 * <p>Each stimulus is sent under every system-prompt setting, on its own (context {@code none}, i.e.
 * message 0) and, with transcripts, after 0, 50, 100, … messages of each transcript that shows its
 * condition (context {@code transcript}). With {@code contextualize}, the context gets a
 * {@code +bridge} suffix and every conversation longer than system + one message gets a bridging
 * turn ({@link ConversationBuilder}); the bridges are written by a separate stage
 * ({@link BridgeStage}) and passed in with {@link #withBridges}.
 *
 * <p>Each {@link Prompt} carries: {@code setting} = system-prompt label, then
 * {@code +transcript=<id>@<message number>} for a transcript placement, then {@code +bridge} when
 * contextualized (e.g. {@code steel-man+transcript=synthetic_01@50}); {@code stimulus} = {@code item}
 * = the stimulus id (also the criterion id); {@code condition} = the stimulus's condition; attributes
 * {@code message_number}, {@code transcript} (id or {@code none}), {@code contextualized}
 * ({@code true}, {@code false}, or {@code failed} when the bridge model could not write one),
 * {@code question} and {@code appropriate_answer} (the criterion), and {@code query} (the client's
 * last message, which the judge sees). Order: system prompt, placement (none first, then each
 * transcript and offset), stimulus, sample.
 */
public final class ResponsesExperiment implements Experiment {

    /** The experiment id in records, summaries and on the command line. */
    public static final String ID = "responses";
    /** Context of the stimuli alone. */
    public static final String CONTEXT_NONE = "none";
    /** Context of the stimuli placed in a transcript. */
    public static final String CONTEXT_TRANSCRIPT = "transcript";
    /** Suffix of the context (and the setting) when bridging turns are inserted. */
    public static final String BRIDGE_SUFFIX = "+bridge";

    public static final String MESSAGE_NUMBER = "message_number";
    public static final String TRANSCRIPT = "transcript";
    public static final String CONTEXTUALIZED = "contextualized";
    public static final String QUESTION = "question";
    public static final String APPROPRIATE_ANSWER = "appropriate_answer";
    public static final String QUERY = "query";

    private final ResponsesStimuli stimuli;
    private final ResponsesSettings settings;
    private final ConversationBuilder builder;
    private final Map<String, Bridge> bridges;

    public ResponsesExperiment(ResponsesStimuli stimuli, ResponsesSettings settings) {
        this(stimuli, settings, null);
    }

    private ResponsesExperiment(ResponsesStimuli stimuli, ResponsesSettings settings, Map<String, Bridge> bridges) {
        this.stimuli = Objects.requireNonNull(stimuli, "stimuli");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.builder = new ConversationBuilder(stimuli.instructions());
        this.bridges = bridges == null ? null : Map.copyOf(bridges);
        for (Transcript t : settings.transcripts()) {
            for (String c : t.conditions()) {
                if (!stimuli.conditions().contains(c)) {
                    throw new IllegalArgumentException("transcript " + t.id() + " names the condition " + c
                            + ", which no stimulus has (conditions: " + stimuli.conditions() + ")");
                }
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    public ResponsesStimuli stimuli() {
        return stimuli;
    }

    public ResponsesSettings settings() {
        return settings;
    }

    /** True when this experiment needs bridging turns that have not been given yet. */
    public boolean needsBridges() {
        return settings.contextualize() && bridges == null;
    }

    /** The same experiment with its bridging turns: key ({@link BridgeRequest#key()}) → bridge. */
    public ResponsesExperiment withBridges(Map<String, Bridge> written) {
        return new ResponsesExperiment(stimuli, settings, written);
    }

    /** One prompt position before samples: system prompt × placement × stimulus. */
    private record Slot(SystemPrompt systemPrompt, Transcript transcript, int messageNumber,
                        ResponseStimulus stimulus, String setting, String context) {

        List<ChatMessage> prefix() {
            return transcript == null ? List.of() : transcript.prefix(messageNumber);
        }

        String key() {
            return setting + ":" + stimulus.id();
        }
    }

    private List<Slot> slots() {
        String suffix = settings.contextualize() ? BRIDGE_SUFFIX : "";
        List<Slot> out = new ArrayList<>();
        for (SystemPrompt sp : settings.systemPrompts()) {
            for (ResponseStimulus s : stimuli.stimuli()) {
                out.add(new Slot(sp, null, 0, s, sp.label() + suffix, CONTEXT_NONE + suffix));
            }
            for (Transcript t : settings.transcripts()) {
                for (int offset : settings.placement().offsetsFor(t.length())) {
                    for (ResponseStimulus s : stimuli.stimuli()) {
                        if (t.shows(s.condition())) {
                            out.add(new Slot(sp, t, offset, s, sp.label() + "+" + TRANSCRIPT + "=" + t.id() + "@"
                                    + offset + suffix, CONTEXT_TRANSCRIPT + suffix));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The bridging turns to write before {@link #prompts()} can be built (empty unless contextualizing). */
    public List<BridgeRequest> bridgeRequests() {
        List<BridgeRequest> out = new ArrayList<>();
        if (!settings.contextualize()) {
            return out;
        }
        for (Slot slot : slots()) {
            List<ChatMessage> prefix = slot.prefix();
            if (ConversationBuilder.needsBridge(prefix, slot.stimulus())) {
                String request = builder.bridgeRequest(builder.earlier(slot.systemPrompt(), prefix, slot.stimulus()),
                        slot.stimulus().query());
                out.add(new BridgeRequest(slot.key(), List.of(ChatMessage.user(request))));
            }
        }
        return out;
    }

    /**
     * @throws IllegalStateException when contextualizing and the bridges have not been given
     *                               ({@link #withBridges}) or one is missing
     */
    @Override
    public List<Prompt> prompts() {
        if (needsBridges()) {
            throw new IllegalStateException("the bridging turns have not been written yet (BridgeStage)");
        }
        List<Prompt> out = new ArrayList<>();
        for (Slot slot : slots()) {
            List<ChatMessage> prefix = slot.prefix();
            String contextualized = "false";
            String bridgeText = null;
            if (settings.contextualize() && ConversationBuilder.needsBridge(prefix, slot.stimulus())) {
                Bridge b = bridges.get(slot.key());
                if (b == null) {
                    throw new IllegalStateException("no bridging turn for " + slot.key());
                }
                bridgeText = b.text();
                contextualized = b.text() != null ? "true" : "failed";
            }
            List<ChatMessage> messages = builder.messages(slot.systemPrompt(), prefix, slot.stimulus(), bridgeText);
            ResponseStimulus s = slot.stimulus();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(MESSAGE_NUMBER, String.valueOf(slot.messageNumber()));
            attributes.put(TRANSCRIPT, slot.transcript() == null ? "none" : slot.transcript().id());
            attributes.put(CONTEXTUALIZED, contextualized);
            attributes.put(QUESTION, s.question());
            attributes.put(APPROPRIATE_ANSWER, s.appropriateAnswer());
            attributes.put(QUERY, s.query());
            for (int i = 0; i < settings.samples(); i++) {
                SamplingSettings sampling = new SamplingSettings(settings.temperature(), settings.maxTokens(),
                        settings.seed() + i, List.of(), null);
                out.add(new Prompt(ID, slot.setting(), s.id(), s.id(), s.condition(), slot.systemPrompt().label(),
                        slot.context(), i, attributes, messages, sampling));
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stimuli_dir", stimuli.dir() == null ? null : stimuli.dir().toString());
        d.put("stimulus_files_sha256", stimuli.fileHashes());
        d.put("stimuli", stimuli.ids());
        d.put("conditions", stimuli.conditions());
        d.put("character_limit_sha256", Hashing.sha256(stimuli.instructions().characterLimit()));
        List<Map<String, Object>> sps = new ArrayList<>();
        for (SystemPrompt sp : settings.systemPrompts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", sp.label());
            m.put("source", sp.source());
            m.put("sha256", sp.sha256());
            m.put("system_message_chars", builder.systemText(sp).length());
            sps.add(m);
        }
        d.put("system_prompts", sps);
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Transcript t : settings.transcripts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("source", t.source() == null ? null : t.source().toString());
            m.put("sha256", t.sha256());
            m.put("turns", t.length());
            m.put("conditions", t.conditions().stream().sorted().toList());
            m.put("dropped_leading_clinician_turn", t.droppedLeadingClinicianTurn());
            m.put("message_numbers", settings.placement().offsetsFor(t.length()));
            ts.add(m);
        }
        d.put("transcripts", ts);
        d.put("interval", settings.placement().offsets().isEmpty() ? settings.placement().interval() : null);
        d.put("offsets", settings.placement().offsets().isEmpty() ? null : settings.placement().offsets());
        d.put("contextualize", settings.contextualize());
        d.put("bridge_model", settings.bridgeModel() == null ? null
                : settings.bridgeModel().toAbsolutePath().normalize().toString());
        d.put("temperature", settings.temperature());
        d.put("max_tokens", settings.maxTokens());
        d.put("seed", settings.seed());
        d.put("samples", settings.samples());
        d.put("prompts", (long) slots().size() * settings.samples());
        return d;
    }
}
