package org.mhbench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.cli.CliRun;
import org.mhbench.paper.PaperDir;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;

/**
 * The HTML report as a person sees it: rendered by headless Chromium from disk, with networking made
 * impossible, for a test-model run (with hand-collected replies that try to inject script) and for the
 * imported paper data. Checks that the page raises no script error and requests nothing but itself, that
 * its charts and tables are there and visible, that it fits a 1280-pixel and a laptop screen, that the
 * replies table filters (through its controls, its search box, and a filter in the address) and shows
 * hostile text as text, that the paper overlay switches off, and that it prints to PDF. Screenshots and
 * PDFs go to {@code target/report-screenshots/} for a person to look at.
 *
 * <p>Needs Chromium ({@link Chromium#require}: skipped without it, failed under CI); the paper test also
 * needs the paper's data ({@link PaperDir#require}).
 */
class HtmlReportBrowserTest {

    static final Path SHOTS = Path.of(System.getProperty("user.dir"), "target", "report-screenshots");

    @TempDir
    Path tmp;

    @Test
    void testModelRunInTheBrowser() throws Exception {
        Path chromium = Chromium.require();
        String tiny = TestFixtures.tinyModel().toString();
        Path run = tmp.resolve("tiny-run");
        CliRun r = CliRun.of("run", "-m", tiny, "--label", "mhbench-test-tiny-random", "--limit", "6", "--max-tokens",
                "6", "-t", "1", "--out", run.toString());
        assertEquals(0, r.status(), r.err());
        Path csv = tmp.resolve("hand.csv");
        Files.writeString(csv, "stimulus,response,label\nbridge,\"" + HtmlFixtures.HOSTILE_REPLY.replace("\"", "\"\"")
                + "\",yes\ngod,\"That sounds hard. Could you talk about these experiences with your doctor or someone you trust?\",yes\n");
        r = CliRun.of("import-responses", csv.toString(), "--source", "therapist-a", "--into", run.toString());
        assertEquals(0, r.status(), r.err());
        r = CliRun.of("score", run.toString());
        assertEquals(0, r.status(), r.err());
        Path html = run.resolve("report").resolve(HtmlReport.FILE);
        assertTrue(r.err().contains("wrote " + html), "score refreshes the report, HTML included: " + r.err());
        HtmlReportTest.assertSelfContained(Files.readString(html));

        try (Chromium browser = Chromium.start(chromium, tmp.resolve("chromium"))) {
            String url = html.toUri().toString();
            Chromium.Page page = browser.open(url, 1280, 900);
            checkPage(page, url, 3);
            assertTrue(page.eval("document.querySelectorAll('svg.chart rect.bar').length").asInt() > 0, "bars drawn");
            assertTrue(page.eval("document.body.textContent").asText().contains("built-in test model with random "
                    + "weights"), "the test-model warning");
            int total = page.eval("document.getElementById('replies-count').dataset.matches").asInt();
            assertEquals(Math.min(50, total), rows(page).size(), "the first page of replies");

            // filter with the controls, as a person would
            select(page, "f-model", "therapist-a");
            assertEquals(2, matches(page), "the two hand-collected replies");
            rows(page).forEach(row -> assertEquals("therapist-a", row.get("model").asText()));
            select(page, "f-verdict", "inappropriate");
            assertEquals(1, matches(page), "the bridge reply names bridges: inappropriate by its human label");
            assertTrue(page.eval("location.hash").asText().contains("model=therapist-a"), "the filter is in the address");

            // a reply that tries to inject script is shown as text, and runs nothing
            page.eval("document.getElementById('f-clear').click(); true");
            search(page, "onerror");
            List<JsonNode> found = rows(page);
            assertEquals(1, found.size());
            assertTrue(found.get(0).get("reply").asText().contains("<img src=x onerror="), found.toString());
            assertTrue(page.eval("window.__xss === undefined && document.querySelectorAll('img').length === 0")
                    .asBoolean(), "no injected script ran, no injected image exists");
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("test-model-replies-search.png"), page.screenshot(false));
            Files.write(SHOTS.resolve("test-model-full.png"), checkPng(page.screenshot(true), 1280));
            Files.write(SHOTS.resolve("test-model.pdf"), checkPdf(page.pdf()));
            page.close();

            // a filter in the address, as from a bookmark
            Chromium.Page bookmarked = browser.open(url + "#model=mhbench-test-tiny-random&experiment=responses", 1366, 768);
            checkPage(bookmarked, url, 3);
            List<JsonNode> rows = rows(bookmarked);
            assertTrue(!rows.isEmpty());
            rows.forEach(row -> {
                assertEquals("mhbench-test-tiny-random", row.get("model").asText());
                assertTrue(row.get("setting").asText().startsWith("responses"), row.toString());
            });
            Files.write(SHOTS.resolve("test-model-laptop.png"), bookmarked.screenshot(false));
        }
    }

    @Test
    void paperDataInTheBrowser() throws Exception {
        Path chromium = Chromium.require();
        Path paper = PaperDir.require();
        Path run = tmp.resolve("paper-run");
        assertEquals(0, CliRun.of("import-paper", "--from", paper.toString(), "--out", run.toString()).status());
        CliRun r = CliRun.of("score", run.toString(), "--bootstrap-resamples", "1000", "--human-baseline",
                paper.resolve("external_data/human_data_2018.csv").toString());
        assertEquals(0, r.status(), r.err());
        r = CliRun.of("report", run.toString());
        assertEquals(0, r.status(), r.err());
        Path html = run.resolve("report").resolve(HtmlReport.FILE);
        HtmlReportTest.assertSelfContained(Files.readString(html));
        List<SummaryRow> summary = SummaryCsv.read(run.resolve(SummaryCsv.FILE));

        try (Chromium browser = Chromium.start(chromium, tmp.resolve("chromium"))) {
            String url = html.toUri().toString();
            long start = System.nanoTime();
            Chromium.Page page = browser.open(url, 1280, 900);
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("paper report: " + Files.size(html) + " bytes, loaded and rendered in " + loadMillis
                    + " ms");
            // 2 stigma charts (one per system prompt), 3 responses settings, 3 by-message charts
            checkPage(page, url, 8);
            String text = page.eval("document.getElementById('stigma').textContent").asText();
            assertTrue(text.contains("74.8%"), "llama3.1-405b, steel-man, overall");
            assertTrue(text.contains("humans 2018 (1 − x)") && text.contains("humans 2018 (% unwilling)"),
                    "the human baseline under both readings");

            // the paper's reference rates: on, then off with the switch
            String markers = "Array.from(document.querySelectorAll('svg.chart g.paper-ref'))";
            assertTrue(page.eval(markers + ".length").asInt() > 50, "reference markers");
            assertTrue(page.eval(markers + ".every(g => getComputedStyle(g).display !== 'none')").asBoolean());
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("paper-stigma.png"), checkPng(section(page, "stigma", 1700), 1280));
            page.eval("document.querySelector('input.paper-toggle').click(); true");
            assertTrue(page.eval(markers + ".every(g => getComputedStyle(g).display === 'none')").asBoolean(),
                    "the overlay switches off");

            // every record is a row (one judge): 12,096 stigma answers and 5,250 responses
            assertEquals(17346, matches(page));
            // llama2-70b's inappropriate verdicts: answered prompts minus appropriate ones, from summary.csv
            long expected = summary.stream().filter(s -> s.model().equals("llama2-70b")
                            && s.judge().equals("gpt-4o+answered") && s.condition().equals("overall") && s.item().equals("all"))
                    .mapToLong(s -> s.n() - s.k()).sum();
            assertEquals(305, expected, "paper-methods §4b: 177-92 + 189-71 + 186-84");
            select(page, "f-model", "llama2-70b");
            select(page, "f-verdict", "inappropriate");
            assertEquals(expected, matches(page));
            rows(page).forEach(row -> {
                assertEquals("llama2-70b", row.get("model").asText());
                assertTrue(row.get("verdict").asText().startsWith("inappropriate"), row.toString());
            });
            Files.write(SHOTS.resolve("paper-replies-filtered.png"), checkPng(section(page, "replies", 1400), 1280));
            Files.write(SHOTS.resolve("paper.pdf"), checkPdf(page.pdf()));
            page.close();

            // a bookmarked filter: gpt-4o's stigmatizing answers equal the scorer's k, summed over conditions
            long stigmatizing = summary.stream().filter(s -> s.model().equals("gpt-4o") && s.judge().equals("parser:strict")
                    && s.item().equals("all") && !s.condition().equals("overall")).mapToLong(SummaryRow::k).sum();
            Chromium.Page bookmarked = browser.open(url + "#model=gpt-4o&experiment=stigma&verdict=stigmatizing",
                    1366, 768);
            checkPage(bookmarked, url, 8);
            assertEquals(stigmatizing, matches(bookmarked), "the parser's verdicts agree with the scores");
            Files.write(SHOTS.resolve("paper-laptop.png"), checkPng(bookmarked.screenshot(false), 1366));
        }
    }

    /**
     * What every page must be: no script or console error, no request but the file itself, at least
     * {@code charts} visible charts each with an accessible name and description, real table markup, and
     * no horizontal scrolling at the window's width.
     */
    static void checkPage(Chromium.Page page, String url, int charts) {
        assertEquals(List.of(), page.problems(), "script errors, console errors, blocked loads");
        String file = url.split("#")[0];
        for (String request : page.requests()) {
            assertTrue(request.split("#")[0].equals(file) || request.startsWith("data:"),
                    "the page requested " + request);
        }
        JsonNode c = page.eval("Array.from(document.querySelectorAll('svg.chart')).map(s => { const r = "
                + "s.getBoundingClientRect(); return {w: r.width, h: r.height, role: s.getAttribute('role'), "
                + "title: (s.querySelector('title') || {}).textContent || '', desc: (s.querySelector('desc') || {})"
                + ".textContent || ''}; })");
        assertTrue(c.size() >= charts, "at least " + charts + " charts: " + c.size());
        for (JsonNode chart : c) {
            assertTrue(chart.get("w").asDouble() > 600 && chart.get("h").asDouble() > 200, "visible: " + chart);
            assertEquals("img", chart.get("role").asText());
            assertTrue(chart.get("title").asText().length() > 10 && chart.get("desc").asText().length() > 40,
                    "alt text: " + chart);
        }
        assertTrue(page.eval("Array.from(document.querySelectorAll('table.data')).every(t => "
                + "t.querySelector('thead th[scope=col]') && t.caption)").asBoolean(), "tables with headers, captions");
        assertTrue(page.eval("document.querySelectorAll('table.data').length").asInt() >= 4, "tables");
        assertTrue(page.eval("document.documentElement.scrollWidth <= window.innerWidth").asBoolean(),
                "no horizontal scrolling at " + page.eval("window.innerWidth").asInt() + " px");
    }

    private static void select(Chromium.Page page, String id, String value) {
        page.eval("(() => { const s = document.getElementById('" + id + "'); s.value = " + json(value) + "; "
                + "if (s.value !== " + json(value) + ") throw new Error('no option ' + " + json(value) + "); "
                + "s.dispatchEvent(new Event('change')); return true; })()");
    }

    /** Types into the search box and waits for the table to follow (it waits for a pause in typing). */
    private static void search(Chromium.Page page, String text) throws InterruptedException {
        page.eval("(() => { const q = document.getElementById('f-q'); q.value = " + json(text) + "; "
                + "q.dispatchEvent(new Event('input')); return true; })()");
        for (int i = 0; i < 100 && !page.eval("location.hash").asText().contains("q=" + text); i++) {
            Thread.sleep(50);
        }
    }

    private static long matches(Chromium.Page page) {
        return page.eval("Number(document.getElementById('replies-count').dataset.matches)").asLong();
    }

    /** The rows on screen: model, setting, verdict and reply, as the cells show them. */
    private static List<JsonNode> rows(Chromium.Page page) {
        JsonNode rows = page.eval("Array.from(document.querySelectorAll('#replies-table tbody tr')).map(tr => ({"
                + "model: tr.querySelector('th.model').firstChild.textContent, "
                + "setting: tr.querySelector('td.setting').textContent, "
                + "verdict: tr.querySelector('td.verdict').textContent, "
                + "reply: tr.querySelector('td.reply-cell').textContent}))");
        List<JsonNode> out = new java.util.ArrayList<>();
        rows.forEach(out::add);
        return out;
    }

    /** A screenshot of a section from its top, {@code height} CSS pixels tall, the page's full width. */
    private static byte[] section(Chromium.Page page, String id, int height) {
        JsonNode r = page.eval("(() => { const r = document.getElementById('" + id + "').getBoundingClientRect(); "
                + "return {y: r.top + window.scrollY, w: document.documentElement.clientWidth}; })()");
        return page.screenshot(0, r.get("y").asDouble(), r.get("w").asDouble(), height);
    }

    private static byte[] checkPng(byte[] png, int width) {
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
        int w = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        assertEquals(width, w, "screenshot width");
        return png;
    }

    private static byte[] checkPdf(byte[] pdf) {
        assertTrue(pdf.length > 20_000 && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF");
        return pdf;
    }

    private static String json(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
