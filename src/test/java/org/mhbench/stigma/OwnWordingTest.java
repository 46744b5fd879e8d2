package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhbench.WordRuns;
import org.mhbench.paper.PaperDir;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.util.Json;

/**
 * Our stimuli are our own words: no run of {@value org.mhbench.WordRuns#N} words from the paper's vignettes or questions
 * appears in our expanded vignettes, questions, instructions or steel-man prompt. (The paper's texts
 * are read at test time only.)
 */
class OwnWordingTest {


    @Test
    void noSixWordRunOfThePapersTextsInOurStimuli() throws IOException {
        Path paper = PaperDir.require();
        Set<String> theirs = new HashSet<>();
        for (String line : Files.readAllLines(paper.resolve("data/questions.jsonl"), StandardCharsets.UTF_8)) {
            theirs.addAll(WordRuns.of(Json.LENIENT.readTree(line).get("vignette").asText()));
        }
        for (String line : Files.readAllLines(paper.resolve("data/vignettes.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode q = Json.LENIENT.readTree(line);
            theirs.addAll(WordRuns.of(q.get("question_only").asText()));
        }
        StigmaStimuli ours = StigmaStimuli.load(StigmaStimuliTest.DIR);
        List<String> texts = new ArrayList<>();
        ours.vignettes().forEach(v -> texts.add(v.text()));
        ours.questions().forEach(q -> texts.add(q.text()));
        texts.add(ours.instructions().answerInstruction());
        texts.add(ours.instructions().exampleQuestion());
        texts.add(SystemPrompt.steelMan(SystemPrompt.DEFAULT_DIR).text());
        assertEquals(List.of(), WordRuns.shared(texts, theirs));
    }

}
