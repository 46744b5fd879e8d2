package org.mhbench.report.html;

import java.util.function.BiFunction;

/**
 * An experiment's section of the HTML report, rendered from the runs' files. An experiment module
 * ({@code experiments.ExperimentModule#report()}) names it; {@link HtmlReport} renders the sections of the
 * experiments it is given, in their order.
 */
public final class ExperimentHtml {

    /** The stigma experiment's section: rates per condition, the paper's figures, tests, coverage. */
    public static final ExperimentHtml STIGMA = new ExperimentHtml(StigmaHtml.EXPERIMENT, StigmaHtml::render);
    /** The appropriate-responses experiment's section. */
    public static final ExperimentHtml RESPONSES = new ExperimentHtml(ResponsesHtml.EXPERIMENT, ResponsesHtml::render);

    private final String experiment;
    private final BiFunction<Runs, Ids, Section> render;

    private ExperimentHtml(String experiment, BiFunction<Runs, Ids, Section> render) {
        this.experiment = experiment;
        this.render = render;
    }

    /** The experiment's id. */
    public String experiment() {
        return experiment;
    }

    Section render(Runs runs, Ids ids) {
        return render.apply(runs, ids);
    }
}
