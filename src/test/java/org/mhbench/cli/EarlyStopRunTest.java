package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.generate.Completion;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.stimuli.StrictParser;

/** A stigma run stops answers once decided, on both backends, and scores as a run of full answers does. */
class EarlyStopRunTest {

    static Map<String, ResponseRecord> run(Path dir, String backend, boolean full) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-e", "stigma", "-m",
                TestFixtures.tinyModel().toString(), "--backend", backend, "-t", "1", "-c", "1024", "--limit", "40",
                "--system-prompt", "none", "--no-score", "--out", dir.toString()));
        if (full) {
            args.add("--full-answers");
        }
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        return ResponseLog.read(dir.resolve("responses.jsonl")).stream()
                .collect(Collectors.toMap(ResponseRecord::id, x -> x));
    }

    @Test
    void earlyStoppedAnswersGiveTheStrictVerdictsOfFullOnes(@TempDir Path tmp) throws Exception {
        TestFixtures.llamaServer();
        for (String backend : List.of("jni", "server")) {
            Map<String, ResponseRecord> full = run(tmp.resolve(backend + "-full"), backend, true);
            Map<String, ResponseRecord> early = run(tmp.resolve(backend + "-early"), backend, false);
            assertEquals(full.keySet(), early.keySet());
            long fullTokens = 0;
            long earlyTokens = 0;
            long decided = 0;
            for (String id : full.keySet()) {
                Completion f = full.get(id).completion();
                Completion e = early.get(id).completion();
                List<String> options = List.of("1", "2", "3", "4");
                assertEquals(new StrictParser().parse(f.text(), options), new StrictParser().parse(e.text(), options),
                        backend + " " + id + ": '" + f.text() + "' vs '" + e.text() + "'");
                assertTrue(f.text().startsWith(e.text()), "the early answer is the start of the full one");
                fullTokens += f.completionTokens();
                earlyTokens += e.completionTokens();
                decided += e.finishReason() == Completion.FinishReason.DECIDED ? 1 : 0;
            }
            assertTrue(earlyTokens < fullTokens, backend + ": " + earlyTokens + " tokens instead of " + fullTokens);
            assertTrue(decided > 0, backend + ": some answers were stopped once decided");
        }
    }
}
