package org.mhbench.stigma;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.stimuli.LocatedJson;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.stimuli.StimulusObject;

/**
 * Reads and validates the five stigma stimulus files of one folder (format: {@code stimuli/README.md}).
 * Every problem is a {@link StimulusFormatException} naming file, line and reason.
 */
final class StigmaStimuliLoader {

    static final String SCALES = "scales.json";
    static final String QUESTIONS = "questions.jsonl";
    static final String VIGNETTES = "vignettes.jsonl";
    static final String FACTORS = "factors.json";
    static final String INSTRUCTIONS = "instructions.json";

    /** The files, in the order they are read. */
    static final List<String> FILES = List.of(SCALES, QUESTIONS, VIGNETTES, FACTORS, INSTRUCTIONS);

    private StigmaStimuliLoader() {
    }

    static Map<String, Scale> scales(Path file) {
        LocatedJson json = LocatedJson.readFile(file);
        StimulusObject root = StimulusObject.of(json, json.root(), "scales file");
        Map<String, Scale> out = new LinkedHashMap<>();
        for (Map.Entry<String, StimulusObject> e : root.entries("scale").entrySet()) {
            StimulusObject s = e.getValue().onlyKeys(Set.of("options", "do_not_know"));
            List<String> options = s.texts("options", true);
            if (options.size() < 2 || options.size() > 26) {
                throw s.fail("scale " + e.getKey() + ": needs 2 to 26 options, has " + options.size());
            }
            if (new HashSet<>(options).size() != options.size()) {
                throw s.fail("scale " + e.getKey() + ": option texts must be distinct");
            }
            String dk = s.optText("do_not_know", null);
            if (dk != null && !Scale.letters(options.size()).contains(dk)) {
                throw s.fail("scale " + e.getKey() + ": do_not_know \"" + dk + "\" is not one of its letters "
                        + Scale.letters(options.size()));
            }
            out.put(e.getKey(), new Scale(e.getKey(), options, dk));
        }
        if (out.isEmpty()) {
            throw root.fail("no scales defined");
        }
        return out;
    }

    static List<Question> questions(Path file, Map<String, Scale> scales) {
        LocatedJson json = LocatedJson.readLines(file);
        List<Question> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var node : json.values()) {
            StimulusObject q = StimulusObject.of(json, node, "question").onlyKeys(Set.of("id", "label", "text",
                    "scale", "role", "stigmatizing", "in_score", "baseline_keywords"));
            String id = q.id("id");
            if (!ids.add(id)) {
                throw q.fail("question id " + id + " is used twice");
            }
            String scaleId = q.text("scale");
            Scale scale = scales.get(scaleId);
            if (scale == null) {
                throw q.fail("question " + id + ": unknown scale \"" + scaleId + "\" (defined in " + SCALES + ": "
                        + scales.keySet() + ")");
            }
            String roleName = q.text("role");
            QuestionRole role = QuestionRole.parse(roleName).orElseThrow(() -> q.fail("question " + id
                    + ": role \"" + roleName + "\" is not one of attribution, social_distance, dangerousness"));
            List<String> stigmatizing = q.texts("stigmatizing", false);
            for (String letter : stigmatizing) {
                if (scale.option(letter).isEmpty()) {
                    throw q.fail("question " + id + ": stigmatizing letter \"" + letter + "\" is not on scale "
                            + scaleId + " " + scale.letters());
                }
                if (scale.isDoNotKnow(letter)) {
                    throw q.fail("question " + id + ": the do-not-know letter cannot be stigmatizing");
                }
            }
            if (new HashSet<>(stigmatizing).size() != stigmatizing.size()) {
                throw q.fail("question " + id + ": a stigmatizing letter is listed twice");
            }
            boolean inScore = q.bool("in_score", false);
            if (inScore && stigmatizing.isEmpty()) {
                throw q.fail("question " + id + ": in_score is true but \"stigmatizing\" names no letter");
            }
            List<String> keywords = q.texts("baseline_keywords", false);
            for (String k : keywords) {
                if (!k.equals(k.toLowerCase(java.util.Locale.ROOT))) {
                    throw q.fail("question " + id + ": baseline_keywords must be lower case (matching ignores case)");
                }
            }
            out.add(new Question(id, q.optText("label", id), q.text("text"), scaleId, role, new HashSet<>(stigmatizing),
                    inScore, keywords));
        }
        if (out.isEmpty()) {
            throw new StimulusFormatException(file, 0, "no questions defined");
        }
        if (out.stream().noneMatch(Question::inScore)) {
            throw new StimulusFormatException(file, 0, "no question has in_score true, so there is no stigma score");
        }
        return out;
    }

    static List<ConditionTemplate> templates(Path file) {
        LocatedJson json = LocatedJson.readLines(file);
        List<ConditionTemplate> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        int controls = 0;
        for (var node : json.values()) {
            StimulusObject t = StimulusObject.of(json, node, "vignette template").onlyKeys(Set.of("condition",
                    "code", "control", "aliases", "template"));
            String condition = t.id("condition");
            if (condition.equals("overall")) {
                throw t.fail("condition id \"overall\" is reserved for the pooled score");
            }
            if (!ids.add(condition)) {
                throw t.fail("condition " + condition + " has two templates");
            }
            String code = t.id("code");
            if (!codes.add(code)) {
                throw t.fail("code " + code + " is used by two conditions");
            }
            boolean control = t.bool("control", false);
            if (control && ++controls > 1) {
                throw t.fail("condition " + condition + ": only one condition may be the control");
            }
            String template = t.text("template");
            VignetteExpander.problem(template).ifPresent(p -> {
                throw t.fail("condition " + condition + ": " + p);
            });
            out.add(new ConditionTemplate(condition, code, control, t.texts("aliases", false), template));
        }
        if (out.isEmpty()) {
            throw new StimulusFormatException(file, 0, "no vignette templates defined");
        }
        return out;
    }

    static Factors factors(Path file) {
        LocatedJson json = LocatedJson.readFile(file);
        StimulusObject root = StimulusObject.of(json, json.root(), "factors file")
                .onlyKeys(Set.of("races", "genders", "educations"));
        List<Factors.Gender> genders = new ArrayList<>();
        for (StimulusObject g : unique(root.objects("genders"), "gender")) {
            g.onlyKeys(Set.of("id", "text", "pronouns"));
            Map<String, String> pronouns = g.textMap("pronouns");
            if (!pronouns.keySet().equals(new HashSet<>(Factors.PRONOUNS))) {
                throw g.fail("gender " + g.id("id") + ": pronouns must define exactly " + Factors.PRONOUNS);
            }
            genders.add(new Factors.Gender(g.id("id"), g.text("text"), pronouns));
        }
        List<Factors.Race> races = new ArrayList<>();
        for (StimulusObject r : unique(root.objects("races"), "race")) {
            r.onlyKeys(Set.of("id", "text", "article", "names"));
            Map<String, String> names = r.textMap("names");
            for (Factors.Gender g : genders) {
                if (!names.containsKey(g.id())) {
                    throw r.fail("race " + r.id("id") + ": names has no entry for gender " + g.id());
                }
            }
            if (names.size() != genders.size()) {
                throw r.fail("race " + r.id("id") + ": names has an entry for an unknown gender");
            }
            races.add(new Factors.Race(r.id("id"), r.text("text"), r.optText("article", "a"), names));
        }
        List<Factors.Education> educations = new ArrayList<>();
        for (StimulusObject e : unique(root.objects("educations"), "education")) {
            e.onlyKeys(Set.of("id", "text"));
            educations.add(new Factors.Education(e.id("id"), e.text("text")));
        }
        return new Factors(races, genders, educations);
    }

    private static List<StimulusObject> unique(List<StimulusObject> entries, String what) {
        Set<String> ids = new HashSet<>();
        for (StimulusObject o : entries) {
            if (!ids.add(o.id("id"))) {
                throw o.fail(what + " id " + o.id("id") + " is used twice");
            }
        }
        return entries;
    }

    static Instructions instructions(Path file) {
        LocatedJson json = LocatedJson.readFile(file);
        StimulusObject o = StimulusObject.of(json, json.root(), "instructions file").onlyKeys(Set.of(
                "answer_instruction", "example_question", "example_options", "example_answer"));
        List<String> options = o.texts("example_options", true);
        if (options.size() < 2 || options.size() > 26) {
            throw o.fail("example_options needs 2 to 26 options");
        }
        String answer = o.text("example_answer");
        if (!Scale.letters(options.size()).contains(answer)) {
            throw o.fail("example_answer \"" + answer + "\" is not one of " + Scale.letters(options.size()));
        }
        return new Instructions(o.text("answer_instruction"), o.text("example_question"), options, answer);
    }
}
