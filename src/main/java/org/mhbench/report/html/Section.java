package org.mhbench.report.html;

/**
 * One section of the page.
 *
 * @param id    its element id (the table of contents links to it)
 * @param title its heading
 * @param body  its HTML, without the heading; empty when the runs have nothing for it
 */
record Section(String id, String title, String body) {

    boolean isEmpty() {
        return body.isEmpty();
    }

    String render() {
        return "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-h\"><h2 id=\"" + id + "-h\">" + Html.text(title)
                + "</h2>\n" + body + "</section>\n";
    }
}
