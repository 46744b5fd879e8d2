package org.mhbench.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mhbench.Version;
import org.mhbench.report.ExperimentReport;
import org.mhbench.report.HeaderSection;
import org.mhbench.util.PrivateFiles;

/**
 * The HTML report: one self-contained file for one or more scored run folders. Charts are inline SVG,
 * style and script are inline, the replies are an embedded JSON block; the page loads nothing (its
 * Content-Security-Policy forbids any fetch, font or image from elsewhere, and allows only its own
 * script and style, by hash), so it opens from disk on a machine with networking off.
 *
 * <p>Sections: what ran, each experiment's (as its module gives them: stigma, appropriate responses), the judge, replies, cost and speed; warning
 * banners on top (a random-weight test model, a run that did not complete, a judge criterion the report
 * leans on with κ below 0.8, runs with different judges or stimuli). Every number comes from the run
 * folders' files ({@link org.mhbench.report.RunTables}); nothing is recomputed.
 */
public final class HtmlReport {

    /** The file's default name. */
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /**
     * What was written.
     *
     * @param file    the HTML file
     * @param bytes   its size
     * @param replies rows of its replies table
     */
    public record Written(Path file, long bytes, int replies) {
    }

    /**
     * Writes the report of {@code runDirs} (each scored: {@code summary.csv} exists) to {@code file},
     * owner-only, replacing it; missing parent folders are created owner-only. {@code experiments}: the
     * experiments' sections, in the order the page shows them.
     *
     * @throws IOException when a file cannot be read or written, or a run file is malformed
     *                     ({@link org.mhbench.report.MalformedRunFile}, naming it)
     */
    public static Written write(List<Path> runDirs, Path file, List<ExperimentReport> experiments)
            throws IOException {
        List<RunData> data = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path dir : runDirs) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            String base = name == null ? "run" : name.toString();
            String unique = base;
            for (int i = 2; !names.add(unique); i++) {
                unique = base + " (" + i + ")";
            }
            data.add(RunData.read(dir, unique));
        }
        Runs runs = new Runs(data);
        ReplyRows replies = ReplyRows.of(runs);
        String html = render(runs, replies, experiments, Instant.now());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            PrivateFiles.directory(parent);
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        PrivateFiles.replace(file, tmp -> Files.write(tmp, bytes));
        return new Written(file, bytes.length, replies.size());
    }

    static String render(Runs runs, ReplyRows replies, List<ExperimentReport> experiments, Instant now) {
        Ids ids = new Ids();
        JudgeHtml.Result judge = JudgeHtml.render(runs);
        List<Section> sections = new ArrayList<>();
        sections.add(WhatRanHtml.render(runs));
        for (ExperimentReport e : experiments) {
            sections.add(e.html().render(runs, ids));
        }
        sections.add(judge.section());
        sections.add(RepliesHtml.render(runs, replies));
        sections.add(CostHtml.render(runs));
        sections.removeIf(Section::isEmpty);

        String css = resource("report.css");
        String js = resource("report.js");
        String names = String.join(" + ", runs.all().stream().map(RunData::name).toList());
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
                .append("style-src '").append(sha256(css)).append("'; script-src '").append(sha256(js))
                .append("'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"mhbench ").append(Html.attr(Version.mhbench())).append("\">\n")
                .append("<title>mhbench report: ").append(Html.text(names)).append("</title>\n")
                .append("<style>").append(css).append("</style>\n</head>\n<body>\n");
        b.append("<header class=\"page\"><h1>mhbench report: ").append(Html.text(names)).append("</h1>\n");
        b.append("<p class=\"subtitle\">").append(runs.several() ? runs.all().size() + " runs side by side. " : "")
                .append("Written ").append(WhatRanHtml.time(now)).append(" by mhbench ")
                .append(Html.text(Version.mhbench())).append(" from the run folder’s files; rates in percent with 95% "
                        + "bootstrap intervals.</p>\n");
        for (String banner : banners(runs, judge.banners())) {
            b.append("<div class=\"banner\" role=\"note\"><strong>⚠ Warning:</strong> ").append(banner).append("</div>\n");
        }
        for (String note : RunsComparison.notes(runs, experiments.stream().map(ExperimentReport::experiment).toList())) {
            b.append("<div class=\"banner info\" role=\"note\"><strong>Note:</strong> ").append(note).append("</div>\n");
        }
        b.append("</header>\n<nav class=\"toc\" aria-label=\"contents\"><ol>");
        for (Section s : sections) {
            b.append("<li><a href=\"#").append(s.id()).append("\">").append(Html.text(s.title())).append("</a></li>");
        }
        b.append("</ol></nav>\n<main>\n");
        sections.forEach(s -> b.append(s.render()));
        b.append("</main>\n<footer><p>Self-contained: this file loads nothing from the network or the disk. Charts "
                + "are drawn from summary.csv, by_message.csv and attribution.csv; the replies from responses.jsonl "
                + "and judgments.jsonl; nothing is recomputed. The paper’s reference rates are Moore et al., "
                + "“Expressing stigma and inappropriate responses prevents LLMs from safely replacing mental health "
                + "providers”, FAccT 2025.</p></footer>\n");
        b.append("<script>").append(js).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static List<String> banners(Runs runs, List<String> judgeBanners) {
        List<String> out = new ArrayList<>();
        List<String> testModels = runs.models().stream().filter(m -> m.startsWith(HeaderSection.TEST_MODEL_PREFIX))
                .toList();
        if (!testModels.isEmpty()) {
            out.add(Html.text(String.join(", ", testModels)) + (testModels.size() == 1 ? " is" : " are")
                    + " mhbench’s built-in test model with random weights. Its numbers check the machinery only and "
                    + "say nothing about any real model.");
        }
        for (RunData r : runs.all()) {
            r.tables().manifest().ifPresent(m -> {
                if (!"complete".equals(m.status())) {
                    out.add("Run " + Html.text(r.name()) + " is <strong>" + Html.text(m.status()) + "</strong>, not "
                            + "complete: its numbers cover only what it finished.");
                }
            });
        }
        out.addAll(judgeBanners);
        return out;
    }

    /** A CSP source expression for {@code text}: {@code sha256-<base64>} of its UTF-8 bytes. */
    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
