package org.mhbench.generate.server;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mhbench.util.CacheDir;
import org.mhbench.util.Hashing;
import org.mhbench.util.Json;

/**
 * A llama-server executable and what is known about it: the version it reports, its SHA-256, and
 * the {@code build-info.json} that {@code scripts/build-llama.sh} writes beside its {@code bin/}
 * folder (source, commit, CMake flags), when there is one.
 *
 * @param path      the executable
 * @param origin    how it was found: {@code --llama-server}, {@code MHBENCH_LLAMA_SERVER}, {@code PATH} or
 *                  {@code cache}
 * @param version   the first line of {@code llama-server --version} (e.g. {@code version: 1 (de3ff81)})
 * @param sha256    hex SHA-256 of the executable
 * @param buildInfo the build script's record, or empty for a binary built elsewhere
 */
public record LlamaServerBinary(Path path, String origin, String version, String sha256,
                                Map<String, Object> buildInfo) {

    /** The environment variable naming a llama-server executable. */
    public static final String ENV = "MHBENCH_LLAMA_SERVER";
    /** The llama.cpp version that {@code scripts/build-llama.sh} builds when given no source. */
    public static final String PINNED_VERSION = "2026-09-28-de3ff815";

    public LlamaServerBinary {
        buildInfo = buildInfo == null ? Map.of() : Map.copyOf(buildInfo);
    }

    /** True when this build has the CUDA backend (from its build record or its cache folder). */
    public boolean cuda() {
        Object flags = buildInfo.get("cmake_flags");
        return (flags != null && flags.toString().contains("GGML_CUDA=ON"))
                || path.toString().contains("/cuda");
    }

    /** What the manifest records. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", path.toString());
        d.put("found_via", origin);
        d.put("version", version);
        d.put("sha256", sha256);
        for (String k : List.of("version", "variant", "source", "commit", "cmake_flags", "compiler")) {
            Object v = buildInfo.get(k);
            if (v != null) {
                d.put("build_" + k, v);
            }
        }
        return d;
    }

    /**
     * Finds llama-server: {@code explicit} (the {@code --llama-server} option) when given, else
     * {@value #ENV}, else {@code llama-server} on the PATH, else mhbench's own build in the cache
     * ({@code llama.cpp/<version>/<variant>/bin/llama-server}, the pinned version first).
     *
     * @throws IllegalArgumentException when {@code explicit} or {@value #ENV} names a file that is not
     *                                  an executable, or one that does not run
     */
    public static Optional<LlamaServerBinary> locate(Path explicit) {
        if (explicit != null) {
            return Optional.of(inspect(explicit, "--llama-server"));
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(inspect(Path.of(env), ENV));
        }
        Optional<Path> onPath = onPath("llama-server");
        if (onPath.isPresent()) {
            return Optional.of(inspect(onPath.get(), "PATH"));
        }
        return cached(CacheDir.root()).map(p -> inspect(p, "cache"));
    }

    /** The newest usable build under {@code cache/llama.cpp}: the pinned version first, then by name. */
    static Optional<Path> cached(Path cache) {
        Path root = cache.resolve("llama.cpp");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> versions = Files.list(root)) {
            for (Path v : versions.sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> variants = Files.list(v)) {
                    // A CUDA build is one the user made on purpose: prefer it; then the native CPU build.
                    variants.sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("cuda"))
                                    .thenComparing(p -> !p.getFileName().toString().equals("cpu-native")))
                            .map(p -> p.resolve("bin").resolve("llama-server"))
                            .filter(Files::isExecutable)
                            .forEach(found::add);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().filter(p -> p.toString().contains("/" + PINNED_VERSION + "/")).findFirst()
                .or(() -> found.stream().findFirst());
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code --version} and reads the build record; refuses a file that is not a working llama-server. */
    static LlamaServerBinary inspect(Path file, String origin) {
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            throw new IllegalArgumentException("llama-server not found or not executable: " + p + " (from " + origin
                    + "); build one with scripts/build-llama.sh, or give --llama-server PATH");
        }
        String version = runVersion(p);
        Map<String, Object> info = Map.of();
        Path record = p.getParent().resolveSibling("build-info.json");
        if (Files.isRegularFile(record)) {
            try {
                info = Json.LENIENT.readValue(record.toFile(), new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                // a damaged record: the binary still runs; its hash identifies it
            }
        }
        return new LlamaServerBinary(p, origin, version, Hashing.sha256(p), info);
    }

    private static String runVersion(Path p) {
        try {
            Process proc = new ProcessBuilder(p.toString(), "--version").redirectErrorStream(true).start();
            proc.getOutputStream().close();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(30, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IllegalArgumentException(p + " --version did not answer within 30 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (proc.exitValue() != 0) {
                throw new IllegalArgumentException(p + " does not run (exit " + proc.exitValue() + "): "
                        + text.strip().lines().reduce((a, b) -> b).orElse("") + "; rebuild it with "
                        + "scripts/build-llama.sh --force");
            }
            return text.lines().filter(l -> l.startsWith("version:")).findFirst()
                    .orElse(text.lines().findFirst().orElse("unknown")).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + p + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while running " + p + " --version");
        }
    }
}
