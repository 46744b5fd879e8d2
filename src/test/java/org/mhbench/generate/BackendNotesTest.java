package org.mhbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.worker.JniBackend;
import org.mhbench.generate.worker.WorkerOptions;

/** A setting a backend cannot honour is said through its notes, not printed. */
class BackendNotesTest {

    @Test
    void theInProcessBackendSaysItIgnoresGpuLayers() {
        List<String> notes = new ArrayList<>();
        Backend b = new JniBackend(WorkerOptions.defaults(), notes::add);
        ModelConfig config = ModelConfig.of(Path.of("/nonexistent/model.gguf")).withGpuLayers(99);
        assertThrows(Exception.class, () -> b.start(config, null).close());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("--gpu-layers 99 is ignored"), notes.get(0));
    }
}
