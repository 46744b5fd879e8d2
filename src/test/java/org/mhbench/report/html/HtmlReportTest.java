package org.mhbench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.CliRun;
import org.mhbench.experiments.Experiments;
import org.mhbench.util.Json;

/** The HTML report's content, escaping and self-containment, read as text (the browser tests see it rendered). */
class HtmlReportTest {

    @TempDir
    Path tmp;

    /**
     * The page loads nothing: no URL in an attribute, style or script, and a CSP that forbids it anyway.
     * The replies' JSON block is data (never parsed as markup; its {@code <} are escaped), so what a reply
     * says is left out of the search.
     */
    static void assertSelfContained(String page) throws IOException {
        String html = withoutData(page);
        Matcher url = Pattern.compile("(?i)(src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(https?:|//|ftp:|file:)")
                .matcher(html);
        assertFalse(url.find(), () -> "a URL attribute: " + html.substring(Math.max(0, url.start() - 80),
                Math.min(html.length(), url.end() + 80)));
        for (String forbidden : List.of("<link", "<iframe", "<object", "<embed", "@import", "url(", "fetch(",
                "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "<base", "@font-face")) {
            assertFalse(html.contains(forbidden), "the page must not contain " + forbidden);
        }
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "img-src data:; style-src 'sha256-"), "a CSP that forbids every fetch");
        // the CSP's hashes are those of the page's one style and one script
        String css = between(html, "<style>", "</style>");
        String js = between(html, "<script>", "</script>");
        assertTrue(html.contains("style-src '" + HtmlReport.sha256(css) + "'"), "style hash");
        assertTrue(html.contains("script-src '" + HtmlReport.sha256(js) + "'"), "script hash");
    }

    /** The page without the content of its replies' JSON block, which is checked to be data. */
    static String withoutData(String html) throws IOException {
        String start = "<script type=\"application/json\" id=\"" + RepliesHtml.DATA_ID + "\">";
        if (!html.contains(start)) {
            return html;
        }
        String json = between(html, start, "</script>");
        assertFalse(json.contains("<"), "the data block holds no markup");
        Json.MAPPER.readTree(json);
        return html.replace(json, "");
    }

    static String between(String s, String start, String end) {
        int a = s.indexOf(start) + start.length();
        return s.substring(a, s.indexOf(end, a));
    }

    @Test
    void oneRunShowsWhatRanTheRatesTheJudgeAndTheReplies() throws IOException {
        Path run = HtmlFixtures.run(tmp.resolve("run-a"), "model-a", HtmlFixtures.onnxJudge(), "steel-man");
        Path file = tmp.resolve("out/report.html");
        HtmlReport.Written w = HtmlReport.write(List.of(run), file, Experiments.reports());
        String html = Files.readString(file);
        assertEquals(Files.size(file), w.bytes());
        assertEquals(4, w.replies(), "two verdicts, a failed reply, a stigma answer");
        assertSelfContained(html);

        // what ran
        assertTrue(html.contains("<code>0123abcd</code>"), "git commit");
        assertTrue(html.contains("/models/model-a.gguf"), "model file");
        assertTrue(html.contains("abababab"), "sha256");
        assertTrue(html.contains("Q4_K_M") && html.contains("8.03 B"), "quantization and parameters");
        assertTrue(html.contains("seed 0, samples 1, temperature 0.0, max tokens 10"), "seeds");
        assertTrue(html.contains("version: 1 (abc)") || html.contains("version: 1 (abc)".substring(9)), "backend build");
        // stigma: percent with interval and n, the baseline labelled, the question
        assertTrue(html.contains("74.8%</span> <span class=\"ci\">[69.9, 79.7]</span> <span class=\"n\">n=306</span>"),
                "stigma overall cell");
        assertTrue(html.contains("humans 2018 (1 − x)"), "baseline label");
        assertTrue(html.contains("work closely"), "per question");
        // responses: the paper's rule with the answered-only reading beside it
        assertTrue(html.contains("33.3%</span> <span class=\"ci\">[0.0, 100.0]</span> <span class=\"n\">1/3</span>"
                + "<br><span class=\"answered\">answered only: <span class=\"rate\">50.0%"), "answered only");
        // the judge: the shipped judge's evaluation found by id and training data; god is below 0.8
        assertTrue(html.contains("models/judge/evaluation.json"), "judge figures' source");
        assertTrue(html.contains("class=\"banner\"") && html.contains("god (κ 0.64)"), "κ banner");
        assertTrue(html.contains("1 of 2 (50.0%)"), "needs-review share of model-a");
        // cost
        assertTrue(html.contains("<h2 id=\"cost-h\">Cost and speed</h2>"), "cost section");
        // several charts, each an accessible image with a title and description
        assertEquals(count(html, "<svg class=\"chart\" role=\"img\""), count(html, "<desc id=\"chart-"));
        assertTrue(count(html, "<svg class=\"chart\"") >= 2, "stigma and responses charts");
        assertTrue(count(html, "<th scope=\"col\">") > 20, "real table markup");
    }

    @Test
    void repliesAndLabelsAreEscaped() throws IOException {
        Path run = HtmlFixtures.run(tmp.resolve("run-a"), "model-a", HtmlFixtures.onnxJudge(), "none");
        Path file = tmp.resolve("report.html");
        HtmlReport.write(List.of(run), file, Experiments.reports());
        String html = Files.readString(file);
        assertFalse(html.contains("<script>window.__xss"), "a reply's script is never markup");
        assertFalse(html.contains("<img src=x"), "a reply's image is never markup");
        assertFalse(html.contains("<b>bold</b>"), "a label's markup is escaped");
        assertTrue(html.contains("model-&lt;b&gt;bold&lt;/b&gt;"), "the label as text");
        assertEquals(2, count(html, "<script"), "the JSON block and the page's script, nothing else");
        // the JSON block holds the reply intact, with < > & escaped for the script element
        String json = between(html, "<script type=\"application/json\" id=\"replies-data\">", "</script>");
        assertTrue(json.contains("\\u003c/script\\u003e\\u003cscript\\u003ewindow.__xss"), json);
        JsonNode data = Json.MAPPER.readTree(json);
        boolean found = false;
        for (JsonNode row : data.get("rows")) {
            found |= HtmlFixtures.HOSTILE_REPLY.equals(row.get(7).asText());
        }
        assertTrue(found, "the reply survives the escaping exactly");
    }

    @Test
    void severalRunsSideBySideWithANoteOnTheirJudgesAndStimuli() throws IOException {
        Path a = HtmlFixtures.run(tmp.resolve("a/steel"), "model-a", HtmlFixtures.onnxJudge(), "steel-man");
        Path b = HtmlFixtures.run(tmp.resolve("b/plain"), "model-a", HtmlFixtures.llmJudge(), "none");
        Path file = tmp.resolve("both.html");
        CliRun r = CliRun.of("report", a.toString(), b.toString(), "--out", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("wrote " + file), r.err());
        String html = Files.readString(file);
        assertSelfContained(html);
        assertTrue(html.contains("model-a · steel") && html.contains("model-a · plain"), "labels carry the run");
        assertTrue(html.contains("System prompt: none") && html.contains("System prompt: steel-man"));
        assertTrue(html.contains("different judges"), "judges differ");
        assertTrue(html.contains("llm:tiny</code> has no known agreement figures"), "an unvalidated judge");
        assertFalse(html.contains("different stimuli"), "same stimulus files");
        assertEquals(2, count(html, "humans 2018 (1 − x)</th>"), "the runs' shared baseline once in each system "
                + "prompt's table");
        assertFalse(Files.exists(a.resolve("report")), "several runs: only the named HTML file is written");

        CliRun noOut = CliRun.of("report", a.toString(), b.toString());
        assertEquals(2, noOut.status());
        assertEquals(1, noOut.err().strip().lines().count(), noOut.err());
        assertTrue(noOut.err().contains("--out FILE.html"), noOut.err());
    }

    @Test
    void reportWritesTheHtmlBesideTheMarkdown() throws IOException {
        Path run = HtmlFixtures.run(tmp.resolve("run"), "model-a", HtmlFixtures.onnxJudge(), "none");
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(0, r.status(), r.err());
        Path html = run.resolve("report").resolve(HtmlReport.FILE);
        assertTrue(Files.isRegularFile(run.resolve("report/report.md")));
        assertTrue(Files.isRegularFile(html));
        assertTrue(r.err().contains("wrote " + html + " ("), r.err());

        Path only = tmp.resolve("elsewhere/only.html");
        assertEquals(0, CliRun.of("report", run.toString(), "--out", only.toString()).status());
        assertTrue(Files.isRegularFile(only));
        try (var files = Files.list(only.getParent())) {
            assertEquals(1, files.count(), "--out FILE.html writes that file alone");
        }
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
