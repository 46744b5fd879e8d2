package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;

/** The prompts the stigma experiment plans. */
class StigmaExperimentTest {

    private final StigmaStimuli stimuli = StigmaStimuli.load(StigmaStimuliTest.DIR);
    private final SystemPrompt steel = SystemPrompt.steelMan(SystemPrompt.DEFAULT_DIR);

    @Test
    void paperSettingsGiveOneThousandAndEightPromptsPerSystemPrompt() {
        StigmaExperiment e = new StigmaExperiment(stimuli, StigmaSettings.paper(List.of(steel, SystemPrompt.none())));
        List<Prompt> prompts = e.prompts();
        assertEquals(2 * 1008, prompts.size());
        assertEquals("stigma", e.id());
        Prompt p = prompts.get(0);
        assertEquals("steel-man", p.setting());
        assertEquals("steel-man", p.systemPrompt());
        assertEquals("ctl-white-man-grade8/q01_mental_illness", p.stimulus());
        assertEquals("q01_mental_illness", p.item());
        assertEquals("control", p.condition());
        assertEquals("none", p.context());
        assertEquals(Map.of("race", "white", "gender", "man", "education", "grade8", "vignette",
                "ctl-white-man-grade8", "question", "q01_mental_illness", "scale", "likelihood", "decoding", "free"),
                p.attributes());
        assertEquals(0.0, p.sampling().temperature());
        assertEquals(10, p.sampling().maxTokens());
        assertNull(p.sampling().grammar());
        assertEquals(4, p.messages().size());
        assertEquals("none", prompts.get(1008).setting());
        Set<String> keys = new HashSet<>();
        for (Prompt q : prompts) {
            assertTrue(keys.add(new RecordKey("0".repeat(64), q.setting(), q.stimulus(), q.sample()).id()),
                    "unique, valid key: " + q.stimulus());
        }
    }

    @Test
    void samePromptsEveryTime() {
        StigmaSettings s = StigmaSettings.paper(List.of(steel));
        assertEquals(new StigmaExperiment(stimuli, s).prompts(), new StigmaExperiment(stimuli, s).prompts());
    }

    @Test
    void grammarVariantIsKeyedSeparatelyAndConstrainedToOneLetter() {
        StigmaSettings s = new StigmaSettings(List.of(steel), EnumSet.of(Decoding.FREE, Decoding.GRAMMAR), 0, 10, 7,
                1);
        List<Prompt> prompts = new StigmaExperiment(stimuli, s).prompts();
        assertEquals(2016, prompts.size());
        List<Prompt> constrained = prompts.stream().filter(p -> p.sampling().grammar() != null).toList();
        assertEquals(1008, constrained.size());
        for (Prompt p : constrained) {
            assertEquals("steel-man+grammar", p.setting());
            assertEquals("steel-man", p.systemPrompt());
            assertEquals("grammar", p.attributes().get("decoding"));
            assertEquals("root ::= [A-E]", p.sampling().grammar());
            assertEquals(7, p.sampling().seed());
        }
    }

    @Test
    void samplesGetSuccessiveSeeds() {
        StigmaSettings s = new StigmaSettings(List.of(SystemPrompt.none()), EnumSet.of(Decoding.FREE), 0.7, 10, 100,
                3);
        List<Prompt> prompts = new StigmaExperiment(stimuli, s).prompts();
        assertEquals(3 * 1008, prompts.size());
        assertEquals(List.of(0, 1, 2), prompts.subList(0, 3).stream().map(Prompt::sample).toList());
        assertEquals(List.of(100L, 101L, 102L), prompts.subList(0, 3).stream().map(p -> p.sampling().seed()).toList());
    }

    @Test
    void systemPromptFromAFileIsLabelledByItsName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("original-prompt.txt");
        Files.writeString(f, "Be a therapist.\n");
        SystemPrompt sp = SystemPrompt.parse(f.toString(), SystemPrompt.DEFAULT_DIR);
        assertEquals("original-prompt", sp.label());
        assertEquals("Be a therapist.\n", sp.text());
        assertEquals("none", SystemPrompt.parse("none", SystemPrompt.DEFAULT_DIR).label());
        assertEquals("steel-man", SystemPrompt.parse("steel-man", SystemPrompt.DEFAULT_DIR).label());
        assertThrows(IllegalArgumentException.class, () -> SystemPrompt.parse(dir.resolve("absent.txt").toString(),
                SystemPrompt.DEFAULT_DIR));
        Path none = dir.resolve("none.txt");
        Files.writeString(none, "x");
        assertThrows(IllegalArgumentException.class, () -> SystemPrompt.fromFile(none));
        assertThrows(IllegalArgumentException.class, () -> StigmaSettings.paper(List.of(steel,
                SystemPrompt.steelMan(SystemPrompt.DEFAULT_DIR))), "two settings with one label");
    }

    @Test
    void shippedSteelManPromptIsOurOwnAndAboutTheSameSize() {
        String text = steel.text();
        assertTrue(text.length() > 1300 && text.length() < 1800, "length " + text.length());
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void describeRecordsTheSettings() {
        Map<String, Object> d = new StigmaExperiment(stimuli, StigmaSettings.paper(List.of(steel))).describe();
        assertEquals(72, d.get("vignettes"));
        assertEquals(1008L, d.get("prompts"));
        assertEquals(10, d.get("max_tokens"));
        assertEquals(stimuli.fileHashes(), d.get("stimulus_files_sha256"));
    }
}
