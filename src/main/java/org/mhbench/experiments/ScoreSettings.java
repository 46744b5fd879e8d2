package org.mhbench.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mhbench.stats.Bootstrap;
import org.mhbench.stimuli.AnswerParser;

/**
 * How to score a run, for every experiment's scorer.
 *
 * @param parsers       answer parsers for multiple-choice answers (the strict one reproduces the paper)
 * @param bootstrap     interval resampling
 * @param seed          bootstrap seed
 * @param alpha         threshold for Bonferroni-corrected p-values, or {@code null} for each experiment's
 *                      own default (as the paper's figures)
 * @param humanBaseline the GSS 2018 table for stigma, or {@code null}
 */
public record ScoreSettings(List<AnswerParser> parsers, Bootstrap bootstrap, long seed, Double alpha,
                            Path humanBaseline) {

    public ScoreSettings {
        parsers = List.copyOf(parsers);
        Objects.requireNonNull(bootstrap, "bootstrap");
    }

    /** The paper's way: the strict parser, the default bootstrap, seed 0, each experiment's alpha, no baseline. */
    public static ScoreSettings defaults() {
        return new ScoreSettings(List.of(new org.mhbench.stimuli.StrictParser()),
                new Bootstrap(Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL), 0, null, null);
    }
}
