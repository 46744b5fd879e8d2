package org.mhbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.generate.TemplateEngine;
import org.mhbench.generate.worker.JniBackend;
import org.mhbench.generate.worker.WorkerOptions;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.stimuli.Prompt;

/** The generate stage over worker processes: recording, resuming, and surviving a dying worker. */
class RunnerTest {

    @TempDir
    Path tmp;

    static final java.util.function.Consumer<String> QUIET = line -> { };

    static List<Prompt> prompts(String... texts) {
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new Prompt("test", "none", "s" + i, "s" + i, "control", "none", "none", 0,
                    Map.of("n", String.valueOf(i)), List.of(ChatMessage.user(texts[i])), SamplingSettings.greedy(4, 0)));
        }
        return out;
    }

    Runner runner(RunDirectory dir) throws IOException {
        Manifest m = new Manifest(Manifest.FORMAT, "test", null, "test", List.of(), Instant.now(), null, "running",
                HostInfo.current(), Map.of(), List.of(), Map.of(), null, List.of(), null);
        dir.writeManifest(m);
        return new Runner(dir, m, new JniBackend(WorkerOptions.defaults()), 2, QUIET);
    }

    @Test
    void resumesWithoutRepeatingOrLosingItems() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        ModelConfig tiny = ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(512);
        List<Prompt> all = prompts("a", "b", "c", "d", "e");
        List<Runner.ModelOutcome> first = runner(dir).run(List.of(tiny), all.subList(0, 2), r -> { });
        assertEquals(2, first.get(0).recorded());
        List<Runner.ModelOutcome> second = runner(dir).run(List.of(tiny), all, r -> { });
        assertEquals(3, second.get(0).recorded(), "only the three missing items are generated");
        List<ResponseRecord> records = ResponseLog.read(dir.responsesFile());
        assertEquals(5, records.size());
        assertEquals(5, records.stream().map(ResponseRecord::id).collect(Collectors.toSet()).size());
        assertTrue(records.stream().allMatch(r -> r.completion() != null && r.completion().completionTokens() >= 1));
        assertEquals(Set.of("s0", "s1", "s2", "s3", "s4"),
                records.stream().map(ResponseRecord::stimulus).collect(Collectors.toSet()));
        assertTrue(dir.workerLog(tiny.label()).toFile().isFile(), "worker stderr is kept with the run");
    }

    @Test
    void aPromptThatKillsTheWorkerIsRecordedAndTheRunGoesOn() throws Exception {
        String template = "{% for message in messages %}"
                + "{% if message['content'] == 'BOOM' %}{{ raise_exception('boom') }}{% endif %}"
                + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
                + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
        ModelConfig fragile = ModelConfig.of(TestFixtures.tinyModel()).withThreads(1).withContextSize(512)
                .withChatTemplate(template, TemplateEngine.JINJA).withLabel("fragile");
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        Runner runner = runner(dir);
        List<Runner.ModelOutcome> out = runner.run(List.of(fragile), prompts("x", "BOOM", "y", "z"), r -> { });
        Runner.ModelOutcome o = out.get(0);
        assertNull(o.failure(), "one bad item does not fail the model");
        assertEquals(3, o.recorded());
        assertEquals(1, o.failed());
        ResponseRecord boom = ResponseLog.read(dir.responsesFile()).stream()
                .filter(r -> r.stimulus().equals("s1")).findFirst().orElseThrow();
        assertEquals("WORKER_CRASHED", boom.failure().kind());
        assertTrue(boom.failure().message().contains("134"), boom.failure().message());
        assertEquals(1, runner.manifest().models().size());
    }

    @Test
    void aModelThatCannotLoadIsRecordedInTheManifest() throws Exception {
        Path bad = tmp.resolve("bad.gguf");
        java.nio.file.Files.write(bad, new byte[] {1, 2, 3, 4});
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        Runner runner = runner(dir);
        List<Runner.ModelOutcome> out = runner.run(List.of(ModelConfig.of(bad), ModelConfig.of(TestFixtures.tinyModel())
                .withThreads(1).withContextSize(512)), prompts("a"), r -> { });
        assertTrue(out.get(0).failure().startsWith("LOAD_FAILED"), out.get(0).failure());
        assertNull(out.get(1).failure());
        assertEquals(1, out.get(1).recorded());
        assertTrue(dir.readManifest().orElseThrow().failures().containsKey("bad"));
    }
}
