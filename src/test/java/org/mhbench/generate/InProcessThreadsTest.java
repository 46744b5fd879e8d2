package org.mhbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mhbench.TestFixtures;
import org.mhbench.generate.worker.WorkerChatModel;
import org.mhbench.generate.worker.WorkerOptions;

/**
 * The in-process backend leaves exactly one OpenMP team behind: the decode team on the binding's server
 * thread. The model is loaded on a thread named {@code llama-load} that exits, which frees the team
 * llama.cpp's warm-up decode created there; threads started from it keep its name. With 2 threads the
 * worker must hold exactly two {@code llama-load} threads (the server thread and its one pool thread): a
 * third is a parked pool thread of the warm-up team (which spun a core away or, under passive waiting, made
 * every decode barrier sleep: 2 threads ran at 0.45x of 1), and none means loading ran on a long-lived thread.
 */
class InProcessThreadsTest {

    @Test
    void onlyTheDecodeTeamIsLeftAfterLoading() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        try (WorkerChatModel model = WorkerChatModel.start(ModelConfig.of(TestFixtures.tinyModel()).withThreads(2)
                .withContextSize(512), WorkerOptions.defaults())) {
            model.complete(new ChatRequest(List.of(ChatMessage.user("Hello there.")),
                    SamplingSettings.greedy(8, 1)));
            List<String> names = List.of();
            for (int i = 0; i < 50; i++) { // a freed pool's threads exit just after the loader joins
                names = threadNames(model.pid());
                if (names.stream().filter("llama-load"::equals).count() == 2) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(2, names.stream().filter("llama-load"::equals).count(), names.toString());
        }
    }

    private static List<String> threadNames(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    names.add(Files.readString(t.resolve("comm")).strip());
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        }
        return names;
    }
}
