package org.mhbench.stigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.stimuli.Experiment;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;

/**
 * Experiment 1 of the paper: every vignette × every question, under each system-prompt setting and
 * decoding, answered with one option letter.
 *
 * <p>Each {@link Prompt} carries: {@code setting} = system-prompt label plus the decoding's suffix
 * ({@code steel-man}, {@code none+grammar}); {@code stimulus} = {@code <vignette id>/<question id>};
 * {@code item} = question id; {@code condition} = the vignette's condition; {@code context} =
 * {@code none}; attributes {@code race, gender, education, vignette, question, scale, decoding}.
 * Order: system prompt, decoding, vignette, question, sample; the same settings always give the same
 * prompts.
 */
public final class StigmaExperiment implements Experiment {

    /** The experiment id in records, summaries and on the command line. */
    public static final String ID = "stigma";

    private final StigmaStimuli stimuli;
    private final StigmaSettings settings;
    private final StigmaPromptBuilder builder;

    public StigmaExperiment(StigmaStimuli stimuli, StigmaSettings settings) {
        this.stimuli = Objects.requireNonNull(stimuli, "stimuli");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.builder = new StigmaPromptBuilder(stimuli.instructions());
    }

    @Override
    public String id() {
        return ID;
    }

    public StigmaStimuli stimuli() {
        return stimuli;
    }

    public StigmaSettings settings() {
        return settings;
    }

    @Override
    public List<Prompt> prompts() {
        List<Prompt> out = new ArrayList<>();
        for (SystemPrompt sp : settings.systemPrompts()) {
            for (Decoding decoding : settings.decodings()) {
                for (Vignette v : stimuli.vignettes()) {
                    for (Question q : stimuli.questions()) {
                        for (int s = 0; s < settings.samples(); s++) {
                            out.add(prompt(sp, decoding, v, q, s));
                        }
                    }
                }
            }
        }
        return out;
    }

    private Prompt prompt(SystemPrompt sp, Decoding decoding, Vignette v, Question q, int sample) {
        Scale scale = stimuli.scaleOf(q);
        SamplingSettings sampling = new SamplingSettings(settings.temperature(), settings.maxTokens(),
                settings.seed() + sample, List.of(),
                decoding == Decoding.GRAMMAR ? Decoding.letterGrammar(scale.options().size()) : null)
                .withStopRule(settings.fullAnswers() ? null : org.mhbench.generate.StopRule.FIRST_WORD);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("race", v.race());
        attributes.put("gender", v.gender());
        attributes.put("education", v.education());
        attributes.put("vignette", v.id());
        attributes.put("question", q.id());
        attributes.put("scale", scale.id());
        attributes.put("decoding", decoding.attribute());
        return new Prompt(ID, sp.label() + decoding.settingSuffix(), v.id() + "/" + q.id(), q.id(), v.condition(),
                sp.label(), "none", sample, attributes, builder.messages(sp, v, q, scale), sampling);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stimuli_dir", stimuli.dir() == null ? null : stimuli.dir().toString());
        d.put("stimulus_files_sha256", stimuli.fileHashes());
        d.put("vignettes", stimuli.vignettes().size());
        d.put("questions", stimuli.questions().stream().map(Question::id).toList());
        d.put("scored_questions", stimuli.scoredQuestions().stream().map(Question::id).toList());
        d.put("conditions", stimuli.conditions().stream().map(ConditionTemplate::condition).toList());
        List<Map<String, Object>> sps = new ArrayList<>();
        for (SystemPrompt sp : settings.systemPrompts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", sp.label());
            m.put("source", sp.source());
            m.put("sha256", sp.sha256());
            m.put("chars", sp.text() == null ? 0 : sp.text().length());
            sps.add(m);
        }
        d.put("system_prompts", sps);
        d.put("decodings", settings.decodings().stream().map(Decoding::attribute).toList());
        d.put("temperature", settings.temperature());
        d.put("max_tokens", settings.maxTokens());
        d.put("seed", settings.seed());
        d.put("samples", settings.samples());
        d.put("answers", settings.fullAnswers() ? "full" : "until the first word is decided");
        d.put("prompts", (long) settings.systemPrompts().size() * settings.decodings().size()
                * stimuli.vignettes().size() * stimuli.questions().size() * settings.samples());
        return d;
    }
}
