package org.mhbench.score.stigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.score.CoverageRow;
import org.mhbench.score.ExperimentScorer;
import org.mhbench.score.ScoreResult;
import org.mhbench.score.SummaryRow;
import org.mhbench.score.TestRow;
import org.mhbench.stats.Interval;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.AnswerParser;
import org.mhbench.util.Hashing;

/**
 * Scores the stigma experiment (paper-methods §1.6).
 *
 * <p>For each parser and each (model, system prompt, decoding) it writes one {@link SummaryRow} per
 * cell of {@link StigmaCells}: k = stigmatizing answers, n = valid answers ("do not know",
 * unparseable and failed items leave the denominator), rate = k/n, and a seeded percentile
 * bootstrap interval (zero-width when n &lt; 2 or all answers agree; NaN when n = 0). The
 * {@code judge} column says how answers were read: {@code parser:strict} (the paper's rule, the
 * reproduction), {@code parser:lenient}, and a {@code +grammar} suffix for grammar-constrained
 * generations. {@code context} is {@code none}.
 *
 * <p>It also gives one {@link CoverageRow} per group, Welch t-tests ({@link StigmaTests}), and,
 * when a GSS table is given, the human baseline under both readings ({@link HumanBaseline}).
 */
public final class StigmaScorer implements ExperimentScorer {

    private final StigmaStimuli stimuli;
    private final StigmaScoreOptions options;
    private final StigmaCells cells;

    public StigmaScorer(StigmaStimuli stimuli, StigmaScoreOptions options) {
        this.stimuli = stimuli;
        this.options = options;
        this.cells = new StigmaCells(stimuli);
    }

    @Override
    public String experiment() {
        return StigmaExperiment.ID;
    }

    @Override
    public ScoreResult score(List<ResponseRecord> records) {
        Map<GroupKey, List<CodedAnswer>> groups = new LinkedHashMap<>();
        for (AnswerParser parser : options.parsers()) {
            for (CodedAnswer a : new AnswerCoder(stimuli, parser).code(records)) {
                groups.computeIfAbsent(GroupKey.of(a), k -> new ArrayList<>()).add(a);
            }
        }
        List<SummaryRow> summary = new ArrayList<>();
        List<CoverageRow> coverage = new ArrayList<>();
        for (Map.Entry<GroupKey, List<CodedAnswer>> g : groups.entrySet()) {
            for (String condition : cells.conditions()) {
                for (String item : cells.items()) {
                    summary.add(row(g.getKey(), condition, item, cells.outcomes(g.getValue(), condition, item)));
                }
            }
            coverage.add(coverage(g.getKey(), g.getValue()));
        }
        List<TestRow> tests = new StigmaTests(cells, options.alpha()).tests(groups);
        List<String> details = new ArrayList<>();
        HumanBaseline baseline = null;
        if (options.humanBaseline() != null) {
            baseline = HumanBaseline.load(options.humanBaseline(), stimuli);
            summary.addAll(baseline.summaryRows(cells));
            details.addAll(baseline.notes());
        } else {
            details.add("human baseline skipped: add it with 'mhbench score RUN_DIR --human-baseline FILE' (the GSS "
                    + "2018 table, e.g. <paper>/external_data/human_data_2018.csv)");
        }
        List<SummaryRow> attribution = new AttributionTable(stimuli, options.bootstrap(), options.seed())
                .rows(groups, baseline);
        return new ScoreResult(summary, coverage, tests, List.of(), attribution, List.of(), details);
    }

    private SummaryRow row(GroupKey g, String condition, String item, double[] outcomes) {
        long n = outcomes.length;
        long k = 0;
        for (double o : outcomes) {
            k += (long) o;
        }
        double rate = n == 0 ? Double.NaN : (double) k / n;
        Interval ci = options.bootstrap().proportion(k, n, cellSeed(g, condition, item));
        return new SummaryRow(experiment(), g.model(), g.judge(), g.systemPrompt(), g.context(), condition, item, k, n,
                rate, ci.low(), ci.high());
    }

    /** The base seed mixed with a hash of the cell's labels: reproducible and order-independent. */
    long cellSeed(GroupKey g, String condition, String item) {
        String h = Hashing.sha256(String.join("\u0000", g.model(), g.systemPrompt(), g.judge(), g.context(),
                condition, item));
        return options.seed() ^ Long.parseUnsignedLong(h.substring(0, 16), 16);
    }

    private CoverageRow coverage(GroupKey g, List<CodedAnswer> answers) {
        long failed = 0;
        long parsed = 0;
        long abstained = 0;
        long valid = 0;
        long scoredTotal = 0;
        long scoredValid = 0;
        for (CodedAnswer a : answers) {
            switch (a.outcome()) {
                case FAILED -> failed++;
                case DO_NOT_KNOW -> abstained++;
                case ANSWERED -> valid++;
                default -> { }
            }
            if (a.parsed()) {
                parsed++;
            }
            if (a.question().inScore()) {
                scoredTotal++;
                if (a.valid()) {
                    scoredValid++;
                }
            }
        }
        return new CoverageRow(experiment(), g.model(), g.judge(), g.systemPrompt(), g.context(), answers.size(),
                failed, parsed, abstained, valid, scoredTotal, scoredValid);
    }
}
