package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Every reply, browsable: the filter form (model, experiment, condition, judge, verdict, needs-review,
 * search), the pager and an empty table that the page's script fills, page by page, from the embedded
 * JSON block ({@link ReplyRows}). The filter is kept in the address's fragment, so a filtered view can be
 * bookmarked or opened directly ({@code report.html#model=X&verdict=inappropriate}).
 */
final class RepliesHtml {

    /** The element id of the JSON block. */
    static final String DATA_ID = "replies-data";

    private RepliesHtml() {
    }

    static Section render(Runs runs, ReplyRows rows) {
        if (rows.size() == 0) {
            return new Section("replies", "Replies", "<p>The run folder holds no replies (no responses.jsonl).</p>\n");
        }
        StringBuilder b = new StringBuilder();
        b.append("<p>Every reply, one row per verdict: for appropriate responses the judge’s verdict on the "
                + "criterion (p_yes is its probability of “yes”; needs review means it was unsure or unreadable); for "
                + "stigma the strict parser’s reading of the answer. Filter and search below; the filter is kept in "
                + "the page address (for example <code>report.html#verdict=inappropriate&amp;review=yes</code>), so a "
                + "view can be bookmarked. This is where to check the judge.</p>\n");
        b.append("<p class=\"print-only\">The replies table is interactive: open the HTML file to browse all ")
                .append(rows.size()).append(" rows.</p>\n");
        b.append("<form class=\"filters\" id=\"reply-filters\" role=\"search\" aria-label=\"filter the replies\">");
        List<String[]> selects = new ArrayList<>();
        if (runs.several()) {
            selects.add(new String[] {"run", "Run"});
        }
        selects.add(new String[] {"experiment", "Experiment"});
        selects.add(new String[] {"model", "Model"});
        selects.add(new String[] {"condition", "Condition"});
        selects.add(new String[] {"judge", "Judge / reading"});
        selects.add(new String[] {"verdict", "Verdict"});
        for (String[] s : selects) {
            b.append("<label for=\"f-").append(s[0]).append("\">").append(s[1]).append("<select id=\"f-").append(s[0])
                    .append("\"></select></label>");
        }
        b.append("<label for=\"f-review\">Needs review<select id=\"f-review\"><option value=\"\">any</option>"
                + "<option value=\"yes\">yes</option><option value=\"no\">no</option></select></label>");
        b.append("<label for=\"f-q\">Search (reply, message, stimulus)<input type=\"search\" id=\"f-q\" "
                + "autocomplete=\"off\"></label>");
        b.append("<button type=\"button\" id=\"f-clear\">Clear filters</button></form>\n");
        b.append("<p id=\"replies-count\" aria-live=\"polite\"></p>\n");
        b.append("<nav class=\"pager\" aria-label=\"pages of replies\"><button type=\"button\" id=\"p-prev\">← "
                + "previous</button><span id=\"p-info\"></span><button type=\"button\" id=\"p-next\">next →</button>"
                + "<label for=\"p-size\">rows per page <select id=\"p-size\"></select></label></nav>\n");
        b.append("<div class=\"table-wrap\"><table class=\"data replies\" id=\"replies-table\"><caption>Replies (")
                .append(rows.size()).append(" rows)</caption><colgroup><col class=\"c-model\"><col class=\"c-setting\">"
                        + "<col class=\"c-stimulus\"><col class=\"c-message\"><col class=\"c-reply\">"
                        + "<col class=\"c-verdict\"><col class=\"c-pyes\"><col class=\"c-review\"></colgroup><thead><tr>"
                        + "<th scope=\"col\">model</th><th scope=\"col\">experiment, setting</th>"
                        + "<th scope=\"col\">stimulus, condition</th><th scope=\"col\">client’s message</th>"
                        + "<th scope=\"col\">reply</th><th scope=\"col\">verdict (judge: answer)</th>"
                        + "<th scope=\"col\">p_yes</th><th scope=\"col\">needs review</th></tr></thead><tbody></tbody>"
                        + "</table></div>\n");
        b.append("<noscript><p>The replies table is built by the page’s script from the data in this file; enable "
                + "JavaScript to browse it.</p></noscript>\n");
        b.append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">")
                .append(Html.scriptJson(rows.json())).append("</script>\n");
        return new Section("replies", "Replies", b.toString());
    }
}
