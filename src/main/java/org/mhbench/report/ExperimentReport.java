package org.mhbench.report;

import java.io.IOException;
import org.mhbench.report.html.ExperimentHtml;

/**
 * An experiment's sections of the report: its Markdown section of {@code report.md} (with its charts) and
 * its section of {@code report.html}. An experiment module ({@code experiments.ExperimentModule#report()})
 * names it; {@link Report} and {@link org.mhbench.report.html.HtmlReport} render the sections of the
 * experiments they are given, in their order, and name none themselves.
 */
public final class ExperimentReport {

    /** The stigma experiment's sections. */
    public static final ExperimentReport STIGMA = new ExperimentReport(StigmaSection::render, ExperimentHtml.STIGMA);
    /** The appropriate-responses experiment's sections. */
    public static final ExperimentReport RESPONSES = new ExperimentReport(ResponsesSection::render,
            ExperimentHtml.RESPONSES);

    /** Renders an experiment's Markdown section, writing its charts. */
    interface Markdown {
        String render(RunTables tables, ChartOutput charts) throws IOException;
    }

    private final Markdown markdown;
    private final ExperimentHtml html;

    private ExperimentReport(Markdown markdown, ExperimentHtml html) {
        this.markdown = markdown;
        this.html = html;
    }

    /** The experiment's id. */
    public String experiment() {
        return html.experiment();
    }

    /** Its section of {@code report.html}. */
    public ExperimentHtml html() {
        return html;
    }

    String markdown(RunTables tables, ChartOutput charts) throws IOException {
        return markdown.render(tables, charts);
    }
}
