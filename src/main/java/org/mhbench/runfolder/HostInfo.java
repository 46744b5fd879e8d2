package org.mhbench.runfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run used, for the manifest: evaluations are only comparable with their hardware.
 *
 * @param os          os.name and os.version
 * @param arch        os.arch
 * @param cpu         CPU model name from /proc/cpuinfo, or "unknown"
 * @param cores       available processors
 * @param simd        SIMD extensions relevant to llama.cpp found in /proc/cpuinfo (avx2, avx512f, …)
 * @param memoryBytes physical memory, or 0 if unknown
 * @param java        java.vm.name and java.version
 */
public record HostInfo(String os, String arch, String cpu, int cores, List<String> simd, long memoryBytes,
                       String java) {

    private static final List<String> FLAGS = List.of("avx", "avx2", "fma", "f16c", "avx512f", "avx512_vnni",
            "avx_vnni", "amx_tile", "neon", "asimd", "sve");

    public static HostInfo current() {
        String cpu = "unknown";
        List<String> simd = List.of();
        long mem = 0;
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("model name") && "unknown".equals(cpu)) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                }
                if ((l.startsWith("flags") || l.startsWith("Features")) && simd.isEmpty()) {
                    List<String> have = List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"));
                    simd = FLAGS.stream().filter(have::contains).toList();
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    mem = Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or restricted: keep the defaults
        }
        return new HostInfo(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch").toLowerCase(Locale.ROOT), cpu,
                Runtime.getRuntime().availableProcessors(), simd, mem,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }
}
