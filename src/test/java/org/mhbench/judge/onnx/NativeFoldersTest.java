package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.Main;

/**
 * A process that used the ONNX judge leaves nothing in the temporary folder, and the native libraries
 * DJL and JNA unpack go under mhbench's cache folder, not {@code ~/.djl.ai} and {@code ~/.cache/JNA}.
 * A fresh JVM with its own temporary and home folders, since each library unpacks once per JVM.
 */
class NativeFoldersTest {

    @Test
    void theJudgeLeavesNoFoldersBehindAndKeepsNativeLibrariesInMhbenchsCache(@TempDir Path tmp)
            throws IOException, InterruptedException {
        Path temp = Files.createDirectories(tmp.resolve("tmp"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + temp, "-Duser.home=" + home,
                "-Dmhbench.home=" + System.getProperty("user.dir"), Main.class.getName(), "validate-judge", "--labels",
                Path.of("src/test/resources/judge/human-style.jsonl").toAbsolutePath().toString())
                .redirectErrorStream(true);
        for (String v : List.of("XDG_CACHE_HOME", "MHBENCH_HOME", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
            pb.environment().remove(v);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out");
        assertEquals(0, p.exitValue(), out);

        try (Stream<Path> left = Files.list(temp)) {
            List<String> names = left.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("onnxruntime-java")),
                    "ONNX Runtime's extraction folder is removed: " + names);
        }
        assertFalse(Files.exists(home.resolve(".djl.ai")), "DJL unpacks under mhbench's cache, not ~/.djl.ai");
        assertFalse(Files.exists(home.resolve(".cache/JNA")), "JNA unpacks under mhbench's cache, not ~/.cache/JNA");
        assertTrue(Files.isDirectory(home.resolve(".cache/mhbench/djl")), "the tokenizers library is cached there");
    }
}
