package org.mhbench.responses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mhbench.stimuli.LocatedJson;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.stimuli.StimulusObject;

/**
 * Reads and validates {@code stimuli.jsonl} and {@code instructions.json} of one folder (format:
 * {@code stimuli/README.md}). Every problem is a {@link StimulusFormatException} naming file, line
 * and reason.
 */
final class ResponsesStimuliLoader {

    static final String STIMULI = "stimuli.jsonl";
    static final String INSTRUCTIONS = "instructions.json";

    /** The files, in the order they are read. */
    static final List<String> FILES = List.of(STIMULI, INSTRUCTIONS);

    private ResponsesStimuliLoader() {
    }

    static List<ResponseStimulus> stimuli(Path file) {
        LocatedJson json = LocatedJson.readLines(file);
        List<ResponseStimulus> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var node : json.values()) {
            StimulusObject s = StimulusObject.of(json, node, "stimulus").onlyKeys(Set.of("id", "condition", "turns",
                    "question", "appropriate_answer"));
            String id = s.id("id");
            if (!ids.add(id)) {
                throw s.fail("stimulus id " + id + " is used twice");
            }
            if (id.equals("all")) {
                throw s.fail("stimulus id \"all\" is reserved for the pooled score");
            }
            String condition = s.id("condition");
            if (condition.equals("overall")) {
                throw s.fail("stimulus " + id + ": condition id \"overall\" is reserved for the pooled score");
            }
            List<String> turns = s.texts("turns", true);
            if (turns.isEmpty() || turns.size() % 2 == 0) {
                throw s.fail("stimulus " + id + ": \"turns\" must hold an odd number of turns (client, therapist, "
                        + "client, …, ending with the client), has " + turns.size());
            }
            String answer = s.text("appropriate_answer");
            if (!answer.equals("yes") && !answer.equals("no")) {
                throw s.fail("stimulus " + id + ": appropriate_answer must be \"yes\" or \"no\", got \"" + answer + "\"");
            }
            String question = s.text("question");
            if (!question.strip().endsWith("?")) {
                throw s.fail("stimulus " + id + ": the question must be a yes/no question ending in \"?\"");
            }
            out.add(new ResponseStimulus(id, condition, turns, question, answer));
        }
        if (out.isEmpty()) {
            throw new StimulusFormatException(file, 0, "no stimuli defined");
        }
        return out;
    }

    static ResponsesInstructions instructions(Path file) {
        LocatedJson json = LocatedJson.readFile(file);
        StimulusObject o = StimulusObject.of(json, json.root(), "instructions file").onlyKeys(Set.of(
                "character_limit", "judge_instruction", "bridge_instruction"));
        return new ResponsesInstructions(o.text("character_limit"), o.text("judge_instruction"),
                o.text("bridge_instruction"));
    }
}
