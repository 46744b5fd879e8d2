package org.mhbench.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.ChatMessage;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.transcripts.Speaker;
import org.mhbench.transcripts.Transcript;
import org.mhbench.transcripts.Turn;

/** Planned generations: keys, settings, attributes, samples, transcript offsets, bridging. */
class ResponsesExperimentTest {

    static final ResponsesStimuli STIMULI = ConversationBuilderTest.STIMULI;

    static Transcript transcript(String id, int turns, Set<String> conditions) {
        List<Turn> t = new java.util.ArrayList<>();
        for (int i = 0; i < turns; i++) {
            t.add(new Turn(i % 2 == 0 ? Speaker.CLIENT : Speaker.CLINICIAN, "turn " + i));
        }
        return new Transcript(id, conditions, t, null, null, false);
    }

    private static ResponsesSettings settings() {
        return ResponsesSettings.paper(List.of(SystemPrompt.none(), ConversationBuilderTest.STEEL));
    }

    @Test
    void paperDefaultsTwoSystemPromptsTenStimuli() {
        ResponsesExperiment e = new ResponsesExperiment(STIMULI, settings());
        List<Prompt> prompts = e.prompts();
        assertEquals(20, prompts.size());
        Prompt p = prompts.get(1);
        assertEquals("responses", p.experiment());
        assertEquals("none", p.setting());
        assertEquals("pesticides", p.stimulus());
        assertEquals("pesticides", p.item());
        assertEquals("suicidal_ideation", p.condition());
        assertEquals("none", p.context());
        assertEquals(0.0, p.sampling().temperature());
        assertEquals(512, p.sampling().maxTokens());
        assertEquals(Map.of("message_number", "0", "transcript", "none", "contextualized", "false",
                "question", STIMULI.stimulus("pesticides").orElseThrow().question(), "appropriate_answer", "no",
                "query", STIMULI.stimulus("pesticides").orElseThrow().query()), p.attributes());
        assertEquals("steel-man", prompts.get(10).setting());
        assertEquals(20L, e.describe().get("prompts"));
    }

    @Test
    void samplesHaveDistinctSeeds() {
        ResponsesExperiment e = new ResponsesExperiment(STIMULI, settings().withSampling(0.7, 64, 100, 3));
        List<Prompt> prompts = e.prompts();
        assertEquals(60, prompts.size());
        assertEquals(List.of(100L, 101L, 102L), prompts.subList(0, 3).stream().map(p -> p.sampling().seed()).toList());
        assertEquals(List.of(0, 1, 2), prompts.subList(0, 3).stream().map(Prompt::sample).toList());
        assertEquals(64, prompts.get(0).sampling().maxTokens());
    }

    @Test
    void transcriptPlacementAtEveryIntervalBelowTheLength() {
        Transcript t = transcript("t1", 120, Set.of());
        ResponsesExperiment e = new ResponsesExperiment(STIMULI, settings().withTranscripts(List.of(t),
                Placement.paper()));
        List<Prompt> prompts = e.prompts();
        // per system prompt: 10 alone + 10 x offsets {0, 50, 100}
        assertEquals(2 * (10 + 30), prompts.size());
        Set<String> keys = new HashSet<>();
        Map<String, Integer> byOffset = new HashMap<>();
        for (Prompt p : prompts) {
            assertTrue(keys.add(new RecordKey("ab".repeat(32), p.setting(), p.stimulus(), p.sample()).id()),
                    "unique keys: " + p.setting());
            if (p.context().equals("transcript")) {
                int n = Integer.parseInt(p.attributes().get("message_number"));
                byOffset.merge(p.setting().replaceAll(".*@", "") + ":" + n, 1, Integer::sum);
                assertEquals("t1", p.attributes().get("transcript"));
                assertTrue(p.setting().endsWith("+transcript=t1@" + n), p.setting());
                int stimulusTurns = STIMULI.stimulus(p.stimulus()).orElseThrow().turns().size();
                assertEquals(1 + n + stimulusTurns, p.messages().size());
                if (n > 0) {
                    assertEquals(ChatMessage.assistant("turn " + (n - 1)), p.messages().get(n),
                            "the prefix ends with a clinician turn");
                }
            }
        }
        assertEquals(Map.of("0:0", 20, "50:50", 20, "100:100", 20), byOffset);
        assertEquals(List.of(0, 40), Placement.at(List.of(0, 40, 200)).offsetsFor(120));
        assertThrows(IllegalArgumentException.class, () -> Placement.every(25));
        assertThrows(IllegalArgumentException.class, () -> Placement.at(List.of(0, 3)));
    }

    @Test
    void aTranscriptGetsOnlyTheStimuliOfItsConditions() {
        Transcript t = transcript("t2", 60, Set.of("mania"));
        List<Prompt> prompts = new ResponsesExperiment(STIMULI,
                ResponsesSettings.paper(List.of(SystemPrompt.none())).withTranscripts(List.of(t), Placement.paper()))
                .prompts();
        assertEquals(Set.of("jump", "invest"), prompts.stream().filter(p -> p.context().equals("transcript"))
                .map(Prompt::stimulus).collect(java.util.stream.Collectors.toSet()));
        assertThrows(IllegalArgumentException.class, () -> new ResponsesExperiment(STIMULI,
                settings().withTranscripts(List.of(transcript("t3", 4, Set.of("grief"))), Placement.paper())));
    }

    @Test
    void contextualizingNeedsBridgesForEveryLongConversation() {
        Transcript t = transcript("t1", 60, Set.of());
        ResponsesExperiment e = new ResponsesExperiment(STIMULI, ResponsesSettings.paper(List.of(SystemPrompt.none()))
                .withTranscripts(List.of(t), Placement.paper()).withBridging(Path.of("bridge.gguf")));
        assertTrue(e.needsBridges());
        assertThrows(IllegalStateException.class, e::prompts);
        List<BridgeRequest> requests = e.bridgeRequests();
        // pesticides alone, pesticides at 0, and all ten at 50
        assertEquals(12, requests.size());
        assertEquals(Set.of("none+bridge:pesticides", "none+transcript=t1@0+bridge:pesticides"),
                requests.stream().map(BridgeRequest::key).filter(k -> !k.contains("@50"))
                        .collect(java.util.stream.Collectors.toSet()));
        Map<String, Bridge> bridges = new HashMap<>();
        for (BridgeRequest r : requests) {
            bridges.put(r.key(), r.key().endsWith(":soap") ? Bridge.failed("CONTEXT_OVERFLOW") : Bridge.of("so, anyway"));
        }
        List<Prompt> prompts = e.withBridges(bridges).prompts();
        assertEquals(30, prompts.size());
        for (Prompt p : prompts) {
            assertTrue(p.context().endsWith("+bridge"), p.context());
            assertTrue(p.setting().endsWith("+bridge"), p.setting());
            String expected = !bridges.containsKey(p.setting() + ":" + p.stimulus()) ? "false"
                    : p.stimulus().equals("soap") ? "failed" : "true";
            assertEquals(expected, p.attributes().get("contextualized"), p.setting() + " " + p.stimulus());
            if (expected.equals("true")) {
                int n = p.messages().size();
                assertEquals(ChatMessage.user("so, anyway"), p.messages().get(n - 3));
                assertEquals(ChatMessage.assistant(""), p.messages().get(n - 2));
            }
        }
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ResponsesSettings(List.of(SystemPrompt.none()), 0, 512,
                0, 1, List.of(), Placement.paper(), true, null), "contextualize needs a bridge model");
        assertThrows(IllegalArgumentException.class, () -> new ResponsesSettings(List.of(SystemPrompt.none(),
                SystemPrompt.none()), 0, 512, 0, 1, List.of(), Placement.paper(), false, null));
        assertThrows(IllegalArgumentException.class, () -> ResponsesSettings.paper(List.of(SystemPrompt.none()))
                .withSampling(0, 512, 0, 0));
    }

    @Test
    void promptsComeInTheOrderThatReusesTheMostOfThePreviousPrompt() {
        // system prompt, then transcript and place, then stimulus: consecutive prompts share the system prompt
        // and the transcript up to the place, so llama.cpp's prompt cache keeps it
        Transcript t = transcript("t1", 120, Set.of());
        List<Prompt> run = new ResponsesExperiment(STIMULI, settings().withTranscripts(List.of(t),
                Placement.paper())).prompts();
        List<Prompt> stimulusMajor = new java.util.ArrayList<>(run);
        stimulusMajor.sort(java.util.Comparator.comparing(Prompt::stimulus));
        List<Prompt> shuffled = new java.util.ArrayList<>(run);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        double r = org.mhbench.stigma.PromptOrderTest.reusedShare(run);
        double s = org.mhbench.stigma.PromptOrderTest.reusedShare(stimulusMajor);
        double x = org.mhbench.stigma.PromptOrderTest.reusedShare(shuffled);
        System.out.printf("responses prompt text reused from the previous prompt: run order %.3f, stimulus-major "
                + "%.3f, shuffled %.3f%n", r, s, x);
        assertTrue(r > s && r > x, "run order " + r + ", stimulus-major " + s + ", shuffled " + x);
    }
}
