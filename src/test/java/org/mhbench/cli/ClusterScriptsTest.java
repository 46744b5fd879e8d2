package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.util.Home;

/**
 * The job files in scripts/cluster: each turns its scheduler's index into {@code --shard K/N} and resumes a
 * shard that already has a folder. Run with a stand-in mhbench that prints its arguments.
 */
class ClusterScriptsTest {

    static Path stub(Path dir) throws Exception {
        Path mh = dir.resolve("mhbench");
        Files.writeString(mh, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(mh, PosixFilePermissions.fromString("rwx------"));
        return mh;
    }

    static String sh(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void slurmArrayTasksRunTheirShardAndResumeIt(@TempDir Path tmp) throws Exception {
        stub(tmp);
        Path script = Home.resolve("scripts/cluster/slurm-array.sh");
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4",
                "OUT", "runs/x", "MODELS", "a.gguf b.gguf", "LABELS", "a b");
        String first = sh(tmp, env, "bash", script.toString());
        assertTrue(first.contains("--shard 2/4") && first.contains("--out runs/x-shard-2")
                && first.contains("-m a.gguf --label a -m b.gguf --label b"), first);
        Files.createDirectories(tmp.resolve("runs/x-shard-2"));
        Files.writeString(tmp.resolve("runs/x-shard-2/manifest.json"), "{}");
        assertEquals("run --resume --out runs/x-shard-2", sh(tmp, env, "bash", script.toString()));
    }

    @Test
    void theKubernetesIndexedJobMapsItsCompletionIndexToAShard(@TempDir Path tmp) throws Exception {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(
                Home.resolve("scripts/cluster/k8s-indexed-job.yaml").toFile());
        assertEquals("batch/v1", job.path("apiVersion").asText());
        assertEquals("Job", job.path("kind").asText());
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        JsonNode container = spec.path("template").path("spec").path("containers").path(0);
        String shards = "";
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("SHARDS")) {
                shards = e.path("value").asText();
            }
        }
        assertEquals(spec.path("completions").asText(), shards, "SHARDS equals completions");
        stub(tmp);
        String command = container.path("args").path(0).asText().replace("./mhbench", tmp.resolve("mhbench").toString());
        String out = sh(tmp, Map.of("JOB_COMPLETION_INDEX", "5", "SHARDS", shards, "OUT", tmp.resolve("r").toString()),
                "/bin/sh", "-c", command);
        assertTrue(out.contains("--shard 5/" + shards) && out.contains("--out " + tmp.resolve("r") + "-shard-5"), out);
        assertTrue(List.of(container.path("command").get(0).asText()).contains("/bin/sh"));
    }
}
