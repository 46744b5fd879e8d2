package org.mhbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/** The report folder's charts: unique, file-system-safe PNG names, and the list of files written. */
final class ChartOutput {

    private final Path dir;
    private final List<Path> written = new ArrayList<>();
    private final List<Chart<?, ?>> charts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    ChartOutput(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes {@code chart} as {@code <name>.png} (characters other than letters, digits, '.', '_'
     * and '-' become '_'; a clash gets a numeric suffix) and returns the file name, for a markdown link.
     */
    String write(Chart<?, ?> chart, String name) throws IOException {
        String base = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String file = base + ".png";
        for (int i = 2; !names.add(file); i++) {
            file = base + "-" + i + ".png";
        }
        Path path = dir.resolve(file);
        ChartFiles.writePng(chart, path);
        written.add(path);
        charts.add(chart);
        return file;
    }

    /** The charts written so far, in order. */
    List<Path> written() {
        return List.copyOf(written);
    }

    /** The chart objects written so far, in the order of {@link #written()} (for tests). */
    List<Chart<?, ?>> charts() {
        return List.copyOf(charts);
    }
}
