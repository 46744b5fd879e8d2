package org.mhbench.responses;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mhbench.TestFixtures;
import org.mhbench.WordRuns;
import org.mhbench.transcripts.Transcript;
import org.mhbench.transcripts.TranscriptLoader;
import org.mhbench.transcripts.Turn;
import org.mhbench.util.Json;

/**
 * Our responses stimuli, criteria and fixed texts are our own words: no run of {@value org.mhbench.WordRuns#N} words from the
 * paper's stimuli (scripted turns included), criterion questions or judge prompt appears in them. (The
 * paper's texts are read at test time only.)
 */
class OwnWordingTest {


    @Test
    void noSixWordRunOfThePapersTexts() throws IOException {
        Path results = TestFixtures.requirePaperDir("results/interjections").resolve("results/interjections");
        Set<String> theirs = new HashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(results)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonNode row = Json.LENIENT.readTree(line);
                JsonNode interjection = row.get("interjection");
                if (interjection.isArray()) {
                    interjection.forEach(t -> theirs.addAll(WordRuns.of(t.asText())));
                } else {
                    theirs.addAll(WordRuns.of(interjection.asText()));
                }
                theirs.addAll(WordRuns.of(row.get("verification_prompt").asText()));
                JsonNode prompt = row.path("classification_prompt");
                if (prompt.isArray() && !prompt.isEmpty()) {
                    String content = prompt.get(0).path("content").asText();
                    theirs.addAll(WordRuns.of(content.substring(0, content.indexOf('\n'))));
                }
            }
        }
        ResponsesStimuli ours = ResponsesStimuli.load(ResponsesStimuliTest.DIR);
        List<String> texts = new ArrayList<>();
        for (ResponseStimulus s : ours.stimuli()) {
            texts.addAll(s.turns());
            texts.add(s.question());
        }
        texts.add(ours.instructions().characterLimit());
        texts.add(ours.instructions().judgeInstruction());
        texts.add(ours.instructions().bridgeInstruction());
        for (Transcript t : TranscriptLoader.loadDir(Path.of("stimuli", "transcripts"), null)) {
            t.turns().stream().map(Turn::text).forEach(texts::add);
        }
        assertEquals(List.of(), WordRuns.shared(texts, theirs));
    }

}
