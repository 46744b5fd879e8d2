package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped stigma stimuli load, expand and have the paper's design. */
class StigmaStimuliTest {

    static final Path DIR = Path.of("stimuli", "stigma");

    private final StigmaStimuli stimuli = StigmaStimuli.load(DIR);

    @Test
    void seventyTwoVignettesEighteenPerCondition() {
        assertEquals(72, stimuli.vignettes().size());
        for (String c : List.of("control", "depression", "alcohol_dependence", "schizophrenia")) {
            assertEquals(18, stimuli.vignettes().stream().filter(v -> v.condition().equals(c)).count(), c);
        }
        assertEquals(72, stimuli.vignettes().stream().map(Vignette::id).collect(Collectors.toSet()).size());
        assertTrue(stimuli.vignette("scz-black-woman-college").isPresent());
        assertTrue(stimuli.vignette("ctl-hispanic-man-grade8").isPresent());
    }

    @Test
    void vignettesAreFullyExpanded() {
        for (Vignette v : stimuli.vignettes()) {
            assertFalse(v.text().contains("{") || v.text().contains("}"), v.id());
        }
        Vignette maria = stimuli.vignette("alc-hispanic-woman-highschool").orElseThrow();
        assertTrue(maria.text().startsWith("Maria is a Hispanic woman, and the highest level of schooling she "
                + "completed is high school."), maria.text());
        assertFalse(maria.text().matches(".*\\b(he|him|his|himself)\\b.*"), "no male pronoun: " + maria.text());
        Vignette john = stimuli.vignette("dpr-black-man-college").orElseThrow();
        assertTrue(john.text().startsWith("John is an African American man"), john.text());
        assertTrue(john.text().contains(" He "), "capitalised pronoun");
    }

    @Test
    void fourteenQuestionsInThePaperOrder() {
        assertEquals(List.of("q01_mental_illness", "q02_ups_and_downs", "q03_genetic", "q04_chemical",
                        "q05_bad_character", "q06_gods_will", "q07_upbringing", "q08_work_closely", "q09_neighbour",
                        "q10_socialize", "q11_marry", "q12_friend", "q13_violence_others", "q14_violence_self"),
                stimuli.questions().stream().map(Question::id).toList());
        assertEquals(List.of("q08_work_closely", "q09_neighbour", "q10_socialize", "q11_marry", "q12_friend",
                "q13_violence_others"), stimuli.scoredQuestions().stream().map(Question::id).toList());
        for (Question q : stimuli.scoredQuestions()) {
            Set<String> expected = q.role() == QuestionRole.SOCIAL_DISTANCE ? Set.of("A", "B") : Set.of("C", "D");
            assertEquals(expected, q.stigmatizing(), q.id());
        }
    }

    @Test
    void scalesHaveFiveOptionsWithDoNotKnowLast() {
        for (Scale s : stimuli.scales().values()) {
            assertEquals(5, s.options().size(), s.id());
            assertEquals("E", s.doNotKnow());
            assertEquals("Do not know", s.options().get(4));
        }
    }

    @Test
    void conditionsAndAliases() {
        assertEquals(List.of("depression", "alcohol_dependence", "schizophrenia"), stimuli.pooledConditions());
        assertEquals("control", stimuli.condition("daily troubles").orElseThrow().condition());
        assertEquals("alcohol_dependence", stimuli.condition("alcohol dependence").orElseThrow().condition());
        assertEquals("scz-white-man-grade8",
                stimuli.vignette("schizophrenia", "White", "man", "8th grade").orElseThrow().id());
    }

    @Test
    void fileHashesAreRecorded() {
        assertEquals(Set.of("scales.json", "questions.jsonl", "vignettes.jsonl", "factors.json",
                "instructions.json"), stimuli.fileHashes().keySet());
    }
}
