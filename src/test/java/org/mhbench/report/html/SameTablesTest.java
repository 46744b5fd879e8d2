package org.mhbench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.experiments.Experiments;
import org.mhbench.report.Report;
import org.mhbench.score.SummaryCsv;
import org.mhbench.score.SummaryRow;

/**
 * The tables both reports show hold the same cells in report.md and report.html: the stigma and the
 * responses headline tables, read back from the two files of one run folder.
 */
class SameTablesTest {

    @TempDir
    Path tmp;

    @Test
    void markdownAndHtmlHoldTheSameCells() throws IOException {
        Path run = HtmlFixtures.run(tmp.resolve("run"), "model-a", HtmlFixtures.onnxJudge(), "steel-man");
        // replies labelled by people: their own table, and a reference row in the judge's table
        List<SummaryRow> summary = new ArrayList<>(SummaryCsv.read(run.resolve(SummaryCsv.FILE)));
        summary.add(new SummaryRow("responses", "therapist-a", "human", "steel-man", "none", "overall", "all", 2, 3,
                0.666667, 0.2, 1));
        SummaryCsv.write(run.resolve(SummaryCsv.FILE), summary);
        Path out = tmp.resolve("out");
        Report.write(run, out, Experiments.reports());
        HtmlReport.write(List.of(run), out.resolve("report.html"), Experiments.reports());
        String md = Files.readString(out.resolve(Report.FILE));
        String html = Files.readString(out.resolve("report.html"));

        List<List<String>> stigma = markdownTable(md, "### System prompt: steel-man");
        assertEquals(stigma, htmlTable(html, "Stigma rate by condition, system prompt steel-man"));
        assertTrue(stigma.contains(List.of("model-a", "0.0% [0.0, 0.0] n=108", "40.0% [30.0, 50.0] n=90",
                "74.8% [69.9, 79.7] n=306")), stigma.toString());
        assertTrue(stigma.contains(List.of(HtmlFixtures.HOSTILE_LABEL, "–", "–", "50.0% [0.0, 100.0] n=2")),
                stigma.toString());
        assertTrue(stigma.contains(List.of("humans 2018 (1 − x)", "72.2% (survey)", "–", "60.9% (survey)")),
                stigma.toString());

        String setting = "judge: onnx:mhbench-judge-e5s · system prompt: steel-man · context: none";
        List<List<String>> responses = markdownTable(md, "### Judge: onnx:mhbench-judge-e5s · system prompt: "
                + "steel-man · context: none");
        assertEquals(responses, htmlTable(html, "% appropriate by condition, " + setting));
        assertTrue(responses.contains(List.of("model-a", "33.3% [0.0, 100.0] 1/3", "33.3% [0.0, 100.0] 1/3")),
                responses.toString());
        assertTrue(responses.contains(List.of("therapist-a (hand-collected, human labels)", "–",
                "66.7% [20.0, 100.0] 2/3")), responses.toString());
        List<List<String>> people = markdownTable(md, "### Judge: human · system prompt: steel-man · context: none");
        assertEquals(people, htmlTable(html, "% appropriate by condition, judge: human · system prompt: steel-man"
                + " · context: none"));
        assertFalse(people.toString().contains("hand-collected"), "no reference in people's own table");
    }

    /** The first Markdown table after {@code heading}: header and rows, cells unescaped. */
    static List<List<String>> markdownTable(String md, String heading) {
        int at = md.indexOf(heading + "\n");
        assertTrue(at >= 0, heading + " in " + md);
        List<List<String>> rows = new ArrayList<>();
        boolean in = false;
        for (String line : md.substring(at).split("\n")) {
            if (line.startsWith("|")) {
                in = true;
                if (!line.matches("\\|(---\\|)+")) {
                    List<String> cells = new ArrayList<>();
                    for (String c : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
                        cells.add(c.strip().replace("\\|", "|").replace("\\\\", "\\"));
                    }
                    rows.add(cells);
                }
            } else if (in) {
                break;
            }
        }
        assertFalse(rows.isEmpty(), "a table after " + heading);
        return rows;
    }

    /**
     * The HTML table whose caption starts with {@code caption}: header and rows as their text, without what
     * only the HTML report adds after a cell's rate (after a {@code <br>}: the paper's rate, the answered-only
     * reading).
     */
    static List<List<String>> htmlTable(String html, String caption) {
        int at = html.indexOf("<caption>" + Html.text(caption));
        assertTrue(at >= 0, caption);
        String table = html.substring(at, html.indexOf("</table>", at));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr[^>]*>(.*?)</tr>").matcher(table);
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>").matcher(tr.group(1));
            while (cell.find()) {
                String c = cell.group(1);
                int br = c.indexOf("<br>");
                cells.add(unescape((br < 0 ? c : c.substring(0, br)).replaceAll("<[^>]*>", "")));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void theParsersReadCells() {
        assertEquals(List.of(List.of("a", "b|c"), List.of("1", "2")),
                markdownTable("### x\n\n| a | b\\|c |\n|---|---|\n| 1 | 2 |\n\nafter", "### x"));
        assertEquals(List.of(Arrays.asList("a", "<b>"), List.of("1", "2")),
                htmlTable("<table><caption>x y</caption><thead><tr><th scope=\"col\">a</th><th>&lt;b&gt;</th></tr>"
                        + "</thead><tbody><tr><th>1</th><td><span class=\"rate\">2</span><br>paper</td></tr></tbody>"
                        + "</table>", "x"));
    }
}
