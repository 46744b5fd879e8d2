package org.mhbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import org.mhbench.runfolder.CostSummary;

/**
 * What a stretch of a run cost: wall time, CPU time of mhbench and every process it started (worker
 * JVMs and llama-servers, counted once they have exited), and energy: read from RAPL
 * ({@code /sys/class/powercap}) where the kernel exposes it, otherwise estimated from CPU time at a
 * stated wattage per busy core, and the GPUs' draw sampled from {@code nvidia-smi} where there is one.
 */
public final class CostMeter implements AutoCloseable {

    /** The default estimate of a busy core's draw, in watts (desktop and server CPUs, 2020s: 5–15 W). */
    public static final double DEFAULT_WATTS_PER_CORE = 10.0;
    private static final Path RAPL = Path.of("/sys/class/powercap");

    private final double wattsPerCore;
    private final long wallStart = System.nanoTime();
    private final double cpuStart = cpuSeconds();
    private final Map<Path, Long> raplStart = raplMicrojoules();
    private final DoubleAdder gpuJoules = new DoubleAdder();
    private final Thread gpuSampler;
    private volatile boolean running = true;

    /** Starts measuring now. */
    public CostMeter(double wattsPerCore) {
        this.wattsPerCore = wattsPerCore;
        this.gpuSampler = nvidiaSmi() ? startGpuSampler() : null;
    }

    /**
     * What was spent since the start.
     *
     * @param items the items generated in that time, for the per-1,000-items figure
     */
    public CostSummary cost(long items) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = cpuSeconds() - cpuStart;
        double joules;
        String cpuSource;
        Map<Path, Long> raplEnd = raplMicrojoules();
        if (!raplStart.isEmpty() && raplEnd.keySet().equals(raplStart.keySet())) {
            double uj = 0;
            for (Map.Entry<Path, Long> e : raplEnd.entrySet()) {
                uj += Math.max(0, e.getValue() - raplStart.get(e.getKey()));
            }
            joules = uj / 1e6;
            cpuSource = "RAPL (" + String.join(", ", raplStart.keySet().stream()
                    .map(p -> p.getParent().getFileName().toString()).toList()) + ")";
        } else {
            joules = Math.max(0, cpu) * wattsPerCore;
            cpuSource = "estimate: " + wattsPerCore + " W per busy core x CPU seconds (no RAPL readable here; set "
                    + "with --watts)";
        }
        return CostSummary.of(wall, cpu >= 0 ? cpu : null, items, cpuSource, joules / 3600,
                gpuSampler == null ? null : gpuJoules.sum() / 3600,
                gpuSampler == null ? null : "nvidia-smi power.draw, sampled every second");
    }

    /** User and system CPU seconds of this process and its exited children (Linux), or -1. */
    static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid … utime(11) stime(12) cutime(13) cstime(14), in clock ticks
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        }
    }

    /** The package-level RAPL counters that can be read, by file. */
    static Map<Path, Long> raplMicrojoules() {
        Map<Path, Long> out = new LinkedHashMap<>();
        if (!Files.isDirectory(RAPL)) {
            return out;
        }
        try (var zones = Files.list(RAPL)) {
            for (Path z : zones.filter(p -> p.getFileName().toString().matches("intel-rapl:\\d+")).sorted().toList()) {
                try {
                    out.put(z.resolve("energy_uj"), Long.parseLong(Files.readString(z.resolve("energy_uj")).trim()));
                } catch (IOException | NumberFormatException e) {
                    // not readable (often root only): the estimate is used
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    private static boolean nvidiaSmi() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "nvidia-smi"))) {
                return true;
            }
        }
        return false;
    }

    private Thread startGpuSampler() {
        Thread t = new Thread(() -> {
            long last = System.nanoTime();
            while (running) {
                double watts = gpuWatts();
                long now = System.nanoTime();
                if (watts > 0) {
                    gpuJoules.add(watts * (now - last) / 1e9);
                }
                last = now;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mhbench-gpu-power");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static double gpuWatts() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=power.draw", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
            p.waitFor(5, TimeUnit.SECONDS);
            double sum = 0;
            for (String l : lines) {
                sum += Double.parseDouble(l.trim());
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        if (gpuSampler != null) {
            gpuSampler.interrupt();
        }
    }
}
