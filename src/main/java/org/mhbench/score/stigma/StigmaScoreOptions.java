package org.mhbench.score.stigma;

import java.nio.file.Path;
import java.util.List;
import org.mhbench.stats.Bootstrap;
import org.mhbench.stimuli.AnswerParser;
import org.mhbench.stimuli.StrictParser;

/**
 * Options of stigma scoring.
 *
 * @param parsers       parsers to score with, each giving its own rows (strict reproduces the paper)
 * @param bootstrap     resamples and level of the confidence intervals
 * @param seed          base seed; each cell's interval uses a seed derived from it and the cell's
 *                      labels, so intervals do not depend on the order of cells
 * @param alpha         threshold for Bonferroni-corrected p-values (the paper drew bars at 0.01)
 * @param humanBaseline the GSS 2018 table ({@code human_data_2018.csv}), or {@code null} to skip it
 */
public record StigmaScoreOptions(List<AnswerParser> parsers, Bootstrap bootstrap, long seed, double alpha,
                                 Path humanBaseline) {

    public static final double DEFAULT_ALPHA = 0.01;

    public StigmaScoreOptions {
        parsers = List.copyOf(parsers);
        if (parsers.isEmpty()) {
            throw new IllegalArgumentException("at least one parser is needed");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    /** The strict parser, 10,000 resamples at 95%, seed 0, alpha 0.01, no human baseline. */
    public static StigmaScoreOptions defaults() {
        return new StigmaScoreOptions(List.of(new StrictParser()), Bootstrap.defaults(), 0, DEFAULT_ALPHA, null);
    }

    public StigmaScoreOptions withHumanBaseline(Path file) {
        return new StigmaScoreOptions(parsers, bootstrap, seed, alpha, file);
    }
}
