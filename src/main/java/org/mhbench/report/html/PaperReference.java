package org.mhbench.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's published reference rates ({@code paper-reference.csv}, a resource: paper-methods §4a
 * and §4b, aggregate figures only), looked up by model label, system prompt, context and condition.
 * The report overlays them on its charts where a model carries one of the paper's labels: the imported
 * paper data, or a run of the same models under the same labels.
 */
final class PaperReference {

    private static final String RESOURCE = "paper-reference.csv";
    private static PaperReference instance;

    private final Map<List<String>, Double> rates = new HashMap<>();

    private PaperReference(String csv) {
        boolean header = true;
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split(",", -1);
            if (!c[5].isEmpty()) {
                rates.put(List.of(c[0], c[1], c[2], c[3], c[4]), Double.parseDouble(c[5]));
            }
        }
    }

    static synchronized PaperReference get() {
        if (instance == null) {
            try (InputStream in = PaperReference.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
                }
                instance = new PaperReference(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The paper's rate in percent (0–100), or NaN when it published none for this cell. */
    double percent(String experiment, String model, String systemPrompt, String context, String condition) {
        Double r = rates.get(List.of(experiment, model, systemPrompt, context, condition));
        return r == null ? Double.NaN : r * 100;
    }

    /** Whether the paper published any rate for {@code model} in {@code experiment}. */
    boolean has(String experiment, String model) {
        return rates.keySet().stream().anyMatch(k -> k.get(0).equals(experiment) && k.get(1).equals(model));
    }
}
