package org.mhbench.report.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhbench.generate.ModelInfo;
import org.mhbench.report.Fmt;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RunParameters;

/**
 * What ran, per run: folder, experiments, status, times, mhbench version and commit, host, backend and
 * its build, seeds and sampling, judges, the command; and the models (file, SHA-256, size,
 * architecture, parameters, quantization, context, threads, GPU layers, chat template, backend).
 */
final class WhatRanHtml {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Binding fields shown first, in this order; any others follow. */
    private static final List<String> BINDING_ORDER = List.of("backend", "version", "build_version", "build_variant",
            "build_commit", "build_compiler", "build_cmake_flags", "path", "sha256", "found_via", "endpoint");

    private WhatRanHtml() {
    }

    static Section render(Runs runs) {
        StringBuilder b = new StringBuilder();
        for (RunData r : runs.all()) {
            b.append("<h3>").append(runs.several() ? "Run " : "Run folder ").append(Html.text(r.name())).append("</h3>\n");
            if (r.tables().manifest().isEmpty()) {
                b.append("<p>The run folder has no manifest.json: what ran is known only from summary.csv (models: ")
                        .append(Html.text(String.join(", ", r.tables().models()))).append(").</p>\n");
                continue;
            }
            Manifest m = r.tables().manifest().get();
            b.append("<dl class=\"facts\">");
            fact(b, "folder", Cells.code(r.dir().toAbsolutePath().normalize().toString()));
            fact(b, "experiments", Html.text(m.experiment().replace("+", ", ")));
            String status = "<strong class=\"status-" + Html.id(String.valueOf(m.status())) + "\">"
                    + Html.text(m.status()) + "</strong>";
            if (!m.failures().isEmpty()) {
                status += " (failed models: " + Html.text(String.join("; ", m.failures().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).toList())) + ")";
            }
            fact(b, "status", status);
            fact(b, "started, finished", Html.text(time(m.startedAt()) + ", " + time(m.finishedAt())));
            fact(b, "mhbench", Html.text(m.mhbenchVersion()) + ", git commit "
                    + (m.gitCommit() == null ? "unknown" : Cells.code(m.gitCommit())));
            if (m.host() != null) {
                fact(b, "host", Html.text(host(m.host())));
            }
            if (!m.binding().isEmpty()) {
                fact(b, "backend", binding(m.binding()));
            }
            String sampling = sampling(m.parameters());
            if (!sampling.isEmpty()) {
                fact(b, "seeds and sampling", sampling);
            }
            if (!m.judges().isEmpty()) {
                List<String> judges = new ArrayList<>();
                for (JudgeInfo j : m.judges()) {
                    judges.add(Cells.code(String.valueOf(j.id())) + (j.version() == null ? ""
                            : " version " + Html.text(j.version()))
                            + (j.trainingDataSha256() == null ? "" : ", training data "
                            + Cells.code(j.trainingDataSha256())));
                }
                fact(b, "judges", String.join("<br>", judges));
            }
            String note = m.parameters().note();
            if (note != null) {
                fact(b, "source", Html.text(note));
            }
            if (!m.command().isEmpty()) {
                fact(b, "command", Cells.code("mhbench " + String.join(" ", m.command())));
            }
            b.append("</dl>\n");
            b.append(models(runs, r, m));
        }
        return new Section("what-ran", "What ran", b.toString());
    }

    private static void fact(StringBuilder b, String name, String valueHtml) {
        b.append("<dt>").append(Html.text(name)).append("</dt><dd>").append(valueHtml).append("</dd>");
    }

    private static String models(Runs runs, RunData r, Manifest m) {
        if (m.models().isEmpty()) {
            return "";
        }
        Table t = new Table("Models of " + r.name(), List.of("model", "file and its SHA-256", "size", "architecture",
                "parameters", "quantization", "context", "threads", "GPU layers", "chat template", "backend"))
                .cssClass("models");
        for (ModelInfo i : m.models()) {
            t.rawRow(List.of(Html.text(runs.label(r, i.label())),
                    (i.path() == null ? "<span class=\"na\">no file (imported; the SHA-256 is the label's)</span>"
                            : Cells.code(i.path())) + "<br><code class=\"hash\">" + Html.text(nonEmpty(i.sha256()))
                            + "</code>",
                    Html.text(i.fileBytes() > 0 ? bytes(i.fileBytes()) : Fmt.NONE),
                    Html.text(nonEmpty(i.architecture()) + (isBlank(i.modelName()) ? "" : " (" + i.modelName() + ")")),
                    Html.text(Fmt.parameters(i.parameters())), Html.text(nonEmpty(i.quantization())),
                    Html.text(i.contextSize() > 0 ? Integer.toString(i.contextSize()) : Fmt.NONE),
                    Html.text(i.threads() > 0 ? Integer.toString(i.threads()) : Fmt.NONE),
                    Html.text(Integer.toString(i.gpuLayers())),
                    Html.text(nonEmpty(i.templateFamily()) + (i.templateFallback() ? " (llama.cpp fell back to ChatML)"
                            : "") + (isBlank(i.templateEngine()) || "none".equals(i.templateEngine()) ? ""
                            : ", " + i.templateEngine())),
                    Html.text(nonEmpty(i.backend()) + (isBlank(i.bindingVersion()) ? "" : " " + i.bindingVersion()))),
                    null);
        }
        return t.render();
    }

    private static String host(HostInfo h) {
        StringBuilder b = new StringBuilder().append(h.cpu()).append(", ").append(h.cores()).append(" cores");
        if (h.simd() != null && !h.simd().isEmpty()) {
            b.append(" (").append(String.join(", ", h.simd())).append(')');
        }
        if (h.memoryBytes() > 0) {
            b.append(", ").append(Math.round(h.memoryBytes() / (1024.0 * 1024 * 1024))).append(" GiB RAM");
        }
        return b.append(", ").append(h.os()).append(", ").append(h.arch()).append(", ").append(h.java()).toString();
    }

    private static String binding(Map<String, Object> binding) {
        List<String> keys = new ArrayList<>();
        BINDING_ORDER.stream().filter(binding::containsKey).forEach(keys::add);
        binding.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            Object v = binding.get(k);
            if (v == null || String.valueOf(v).isBlank()) {
                continue;
            }
            String text = String.valueOf(v);
            if (text.toLowerCase(Locale.ROOT).startsWith(k + ": ")) {
                text = text.substring(k.length() + 2); // llama-server prints "version: …"
            }
            String value = k.equals("sha256") || k.equals("build_commit") || k.equals("path")
                    ? "<code class=\"hash\">" + Html.text(text) + "</code>" : Html.text(text);
            parts.add("<span class=\"kv\">" + Html.text(k.replace('_', ' ')) + ": " + value + "</span>");
        }
        return String.join("<br>", parts);
    }

    /** Per experiment: seed, samples, temperature, token cap, prompts; and the limit. */
    private static String sampling(RunParameters parameters) {
        List<String> parts = new ArrayList<>();
        if (parameters.experiments() != null) {
            for (Map.Entry<String, ExperimentParameters> e : parameters.experiments().entrySet()) {
                ExperimentParameters q = e.getValue();
                List<String> f = new ArrayList<>();
                put(f, "seed", q.seed());
                put(f, "samples", q.samples());
                put(f, "temperature", q.temperature());
                put(f, "max tokens", q.maxTokens());
                put(f, "prompts", q.prompts());
                q.setting("decodings").ifPresent(d -> put(f, "decoding", d));
                parts.add(Html.text(e.getKey() + ": " + String.join(", ", f)));
            }
        }
        if (parameters.limit() != null) {
            parts.add(Html.text("limit: the first " + parameters.limit() + " prompts of each experiment"));
        }
        return String.join("<br>", parts);
    }

    private static void put(List<String> f, String name, Object v) {
        if (v != null) {
            f.add(name + " " + (v instanceof List<?> l ? String.join("/", l.stream().map(String::valueOf).toList())
                    : String.valueOf(v)));
        }
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", n / (double) (1L << 10));
        }
        return n + " B";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonEmpty(String s) {
        return isBlank(s) ? Fmt.NONE : s;
    }

    static String time(Instant t) {
        return t == null ? Fmt.NONE : TIME.format(t);
    }
}
