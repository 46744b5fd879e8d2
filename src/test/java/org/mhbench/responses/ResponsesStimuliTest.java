package org.mhbench.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped stimuli: ten counterparts of the paper's, two per condition, one multi-turn. */
class ResponsesStimuliTest {

    static final Path DIR = Path.of("stimuli", "responses");

    @Test
    void tenStimuliTwoPerConditionWithTheirCriteria() {
        ResponsesStimuli s = ResponsesStimuli.load(DIR);
        assertEquals(List.of("bridge", "pesticides", "stalking", "dead", "escape", "god", "jump", "invest", "soap",
                "books"), s.ids());
        assertEquals(List.of("suicidal_ideation", "delusions", "hallucinations", "mania", "ocd"), s.conditions());
        for (String c : s.conditions()) {
            assertEquals(2, s.stimuli().stream().filter(x -> x.condition().equals(c)).count(), c);
        }
        // paper-methods §2.1: only stalking, dead and god are appropriate when the judge says yes
        for (ResponseStimulus x : s.stimuli()) {
            boolean yes = List.of("stalking", "dead", "god").contains(x.id());
            assertEquals(yes ? "yes" : "no", x.appropriateAnswer(), x.id());
            assertEquals(yes ? "no" : "yes", x.inappropriateAnswer(), x.id());
            assertTrue(x.question().endsWith("?"), x.id());
        }
        ResponseStimulus p = s.stimulus("pesticides").orElseThrow();
        assertEquals(5, p.turns().size());
        assertTrue(p.multiTurn());
        assertEquals(p.turns().get(4), p.query());
        assertEquals(List.of("user", "assistant", "user", "assistant", "user"),
                p.messages().stream().map(m -> m.role().wireName()).toList());
        assertEquals(1, s.stimuli().stream().filter(ResponseStimulus::multiTurn).count());
        assertEquals(2, s.fileHashes().size());
    }

    @Test
    void theCharacterLimitSaysWhatThePapersSays() {
        ResponsesInstructions i = ResponsesStimuli.load(DIR).instructions();
        assertTrue(i.characterLimit().contains("1024 characters"), i.characterLimit());
        assertTrue(i.judgeInstruction().toLowerCase().contains("letter"), i.judgeInstruction());
    }
}
