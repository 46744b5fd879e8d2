package org.mhbench.stigma;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.util.Hashing;
import org.mhbench.util.Home;

/**
 * The stigma experiment's stimuli, loaded and validated: scales, questions (in the paper's order),
 * condition templates, demographic factors, the expanded vignettes and the instruction texts.
 * Immutable. Load with {@link #load(Path)}; the format is documented in {@code stimuli/README.md}.
 */
public final class StigmaStimuli {

    /** Where the shipped stimuli live, relative to the mhbench checkout or install folder. */
    public static final Path DEFAULT_DIR = Path.of("stimuli", "stigma");
    /** The name of the stigma folder inside a stimulus folder ({@code stimuli/stigma}). */
    public static final String FOLDER = "stigma";

    private final Path dir;
    private final Map<String, Scale> scales;
    private final List<Question> questions;
    private final List<ConditionTemplate> conditions;
    private final Factors factors;
    private final List<Vignette> vignettes;
    private final Map<String, Vignette> vignettesById = new LinkedHashMap<>();
    private final Instructions instructions;
    private final Map<String, String> fileHashes;

    /**
     * Assembles stimuli from parts (for tests and other sources; {@link #load} is the usual way).
     *
     * @param dir        folder they came from, or {@code null}
     * @param fileHashes file name → SHA-256, for the manifest (may be empty)
     * @throws IllegalArgumentException when the parts are inconsistent
     */
    public StigmaStimuli(Path dir, Map<String, Scale> scales, List<Question> questions,
                         List<ConditionTemplate> conditions, Factors factors, Instructions instructions,
                         Map<String, String> fileHashes) {
        this.dir = dir;
        this.scales = Map.copyOf(scales);
        this.questions = List.copyOf(questions);
        this.conditions = List.copyOf(conditions);
        this.factors = factors;
        this.instructions = instructions;
        this.fileHashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileHashes));
        for (Question q : questions) {
            if (!scales.containsKey(q.scaleId())) {
                throw new IllegalArgumentException("question " + q.id() + ": unknown scale " + q.scaleId());
            }
        }
        this.vignettes = VignetteExpander.expandAll(conditions, factors);
        for (Vignette v : vignettes) {
            if (vignettesById.put(v.id(), v) != null) {
                throw new IllegalArgumentException("two vignettes get the id " + v.id()
                        + "; make the condition codes and factor ids distinct");
            }
        }
    }

    /** Loads the shipped stimuli, {@link #DEFAULT_DIR} inside mhbench's install folder ({@link Home}). */
    public static StigmaStimuli loadDefault() {
        return load(Home.dir().resolve(DEFAULT_DIR));
    }

    /**
     * Loads and validates the stimulus files in {@code dir} (scales.json, questions.jsonl,
     * vignettes.jsonl, factors.json, instructions.json).
     *
     * @throws StimulusFormatException naming file, line and reason when a file is missing or bad
     */
    public static StigmaStimuli load(Path dir) {
        Path scalesFile = dir.resolve(StigmaStimuliLoader.SCALES);
        Map<String, Scale> scales = StigmaStimuliLoader.scales(scalesFile);
        List<Question> questions = StigmaStimuliLoader.questions(dir.resolve(StigmaStimuliLoader.QUESTIONS), scales);
        Path templatesFile = dir.resolve(StigmaStimuliLoader.VIGNETTES);
        List<ConditionTemplate> templates = StigmaStimuliLoader.templates(templatesFile);
        Factors factors = StigmaStimuliLoader.factors(dir.resolve(StigmaStimuliLoader.FACTORS));
        Instructions instructions = StigmaStimuliLoader.instructions(dir.resolve(StigmaStimuliLoader.INSTRUCTIONS));
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String f : StigmaStimuliLoader.FILES) {
            hashes.put(f, Hashing.sha256(dir.resolve(f)));
        }
        try {
            return new StigmaStimuli(dir, scales, questions, templates, factors, instructions, hashes);
        } catch (IllegalArgumentException e) {
            throw new StimulusFormatException(templatesFile, 0, e.getMessage());
        }
    }

    /** The folder the stimuli were loaded from, or {@code null}. */
    public Path dir() {
        return dir;
    }

    public Map<String, Scale> scales() {
        return scales;
    }

    /** All questions, in file order (= the paper's order). */
    public List<Question> questions() {
        return questions;
    }

    /** The questions in the stigma score, in file order. */
    public List<Question> scoredQuestions() {
        return questions.stream().filter(Question::inScore).toList();
    }

    /** Condition templates, in file order. */
    public List<ConditionTemplate> conditions() {
        return conditions;
    }

    public Factors factors() {
        return factors;
    }

    /** Every vignette, conditions × races × genders × educations. */
    public List<Vignette> vignettes() {
        return vignettes;
    }

    public Instructions instructions() {
        return instructions;
    }

    /** Stimulus file name → SHA-256 (empty when not loaded from files). */
    public Map<String, String> fileHashes() {
        return fileHashes;
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The scale of {@code q}. */
    public Scale scaleOf(Question q) {
        return scales.get(q.scaleId());
    }

    public Optional<Vignette> vignette(String id) {
        return Optional.ofNullable(vignettesById.get(id));
    }

    /** The condition with this id or alias (e.g. "daily troubles" → control), normalized comparison. */
    public Optional<ConditionTemplate> condition(String name) {
        return conditions.stream().filter(c -> c.isNamed(name)).findFirst();
    }

    /** Ids of the conditions pooled into "overall": every condition that is not a control. */
    public List<String> pooledConditions() {
        return conditions.stream().filter(c -> !c.control()).map(ConditionTemplate::condition).toList();
    }

    /**
     * The vignette for factor levels named as in an external file (ids, texts or aliases), e.g.
     * ("daily troubles", "African American", "man", "8th grade").
     */
    public Optional<Vignette> vignette(String condition, String race, String gender, String education) {
        Optional<ConditionTemplate> c = condition(condition);
        Optional<Factors.Race> r = factors.race(race);
        Optional<Factors.Gender> g = factors.gender(gender);
        Optional<Factors.Education> e = factors.education(education);
        if (c.isEmpty() || r.isEmpty() || g.isEmpty() || e.isEmpty()) {
            return Optional.empty();
        }
        return vignette(VignetteExpander.id(c.get(), r.get(), g.get(), e.get()));
    }
}
