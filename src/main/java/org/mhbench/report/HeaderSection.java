package org.mhbench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.mhbench.Version;
import org.mhbench.generate.ModelInfo;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.Manifest;

/**
 * The report's opening: what ran (experiments, models, status, host, mhbench version and commit,
 * dates), with a warning when a model is mhbench's random-weight test model.
 */
public final class HeaderSection {

    /** Label prefix of mhbench's built-in random-weight test models. */
    public static final String TEST_MODEL_PREFIX = "mhbench-test";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HeaderSection() {
    }

    static String render(RunTables t, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append("# mhbench report: ").append(t.runDir().toAbsolutePath().normalize().getFileName()).append("\n\n");
        List<String> testModels = t.models().stream().filter(m -> m.startsWith(TEST_MODEL_PREFIX)).toList();
        if (!testModels.isEmpty()) {
            b.append("> **⚠ Warning: ").append(String.join(", ", testModels)).append(testModels.size() == 1
                    ? " is" : " are").append(" mhbench's built-in test model with random weights. Its numbers "
                    + "check the machinery only and say nothing about any real model.**\n\n");
        }
        if (t.manifest().isEmpty()) {
            b.append("The run folder has no manifest.json: what ran is known only from summary.csv.\n\n");
            b.append("- models: ").append(String.join(", ", t.models())).append('\n');
        } else {
            Manifest m = t.manifest().get();
            b.append("- experiments: ").append(m.experiment().replace("+", ", ")).append('\n');
            b.append("- status: **").append(m.status()).append("**");
            if (!m.failures().isEmpty()) {
                b.append(" (failed models: ");
                b.append(String.join("; ", m.failures().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).toList()));
                b.append(')');
            }
            b.append('\n');
            b.append("- started ").append(time(m.startedAt())).append(", finished ").append(time(m.finishedAt()))
                    .append('\n');
            b.append("- mhbench ").append(m.mhbenchVersion()).append(", git commit ")
                    .append(m.gitCommit() == null ? "unknown" : "`" + m.gitCommit() + "`").append('\n');
            HostInfo h = m.host();
            if (h != null) {
                b.append("- host: ").append(h.cpu()).append(", ").append(h.cores()).append(" cores");
                if (h.simd() != null && !h.simd().isEmpty()) {
                    b.append(" (").append(String.join(", ", h.simd())).append(')');
                }
                if (h.memoryBytes() > 0) {
                    b.append(", ").append(Math.round(h.memoryBytes() / (1024.0 * 1024 * 1024))).append(" GiB RAM");
                }
                b.append(", ").append(h.os()).append(", ").append(h.java()).append('\n');
            }
            for (JudgeInfo j : m.judges()) {
                b.append("- judge: ").append(j.id());
                if (j.version() != null) {
                    b.append(" (").append(j.version()).append(')');
                }
                b.append('\n');
            }
            b.append('\n');
            if (!m.models().isEmpty()) {
                MarkdownTable models = new MarkdownTable(List.of("model", "name in file", "architecture",
                        "parameters", "quantization", "chat template", "backend"));
                for (ModelInfo i : m.models()) {
                    models.row(List.of(i.label(), nonEmpty(i.modelName()), nonEmpty(i.architecture()),
                            Fmt.parameters(i.parameters()), nonEmpty(i.quantization()), template(i),
                            nonEmpty(i.backend())));
                }
                b.append(models.render());
            }
        }
        b.append('\n').append("Report written ").append(TIME.format(now)).append(" by mhbench ")
                .append(Version.mhbench()).append(" from the CSV files of the run folder; rates in percent (the "
                        + "CSV files hold shares in [0, 1]) with seeded 95% bootstrap intervals in brackets.\n\n");
        return b.toString();
    }

    private static String template(ModelInfo i) {
        String family = nonEmpty(i.templateFamily());
        return i.templateFallback() ? family + " (llama.cpp fell back to ChatML)" : family;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? Fmt.NONE : s;
    }

    private static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }
}
