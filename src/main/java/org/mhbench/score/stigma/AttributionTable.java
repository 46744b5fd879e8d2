package org.mhbench.score.stigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mhbench.score.SummaryRow;
import org.mhbench.stats.Bootstrap;
import org.mhbench.stats.Interval;
import org.mhbench.stigma.Question;
import org.mhbench.stigma.Scale;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.util.Hashing;

/**
 * The questions outside the stigma score (attribution: mental illness, ups and downs, causes;
 * violence to self), read as the paper plots them (paper-methods §1.7): the share of valid answers
 * in the "likely" half of the scale (C or D), per model, setting and condition, next to the human
 * survey's % likely. Rows have {@link SummaryRow}'s shape: {@code item} is the question id, {@code k}
 * the "likely" answers, {@code n} the valid answers ("do not know" and unparsed answers leave it).
 * Human rows are {@code human-gss2018} with unknown counts.
 */
final class AttributionTable {

    /** The model label of the human survey's rows. */
    static final String HUMAN = "human-gss2018";

    private final StigmaStimuli stimuli;
    private final Bootstrap bootstrap;
    private final long seed;

    AttributionTable(StigmaStimuli stimuli, Bootstrap bootstrap, long seed) {
        this.stimuli = stimuli;
        this.bootstrap = bootstrap;
        this.seed = seed;
    }

    List<SummaryRow> rows(Map<GroupKey, List<CodedAnswer>> groups, HumanBaseline humans) {
        List<Question> questions = stimuli.questions().stream().filter(q -> !q.inScore()).toList();
        List<String> conditions = stimuli.conditions().stream().map(c -> c.condition()).toList();
        List<SummaryRow> out = new ArrayList<>();
        for (Map.Entry<GroupKey, List<CodedAnswer>> g : groups.entrySet()) {
            for (String condition : conditions) {
                for (Question q : questions) {
                    out.add(row(g.getKey(), condition, q, g.getValue()));
                }
            }
        }
        if (humans != null) {
            for (String condition : conditions) {
                for (Question q : questions) {
                    double x = humans.raw(condition, q.id());
                    if (!Double.isNaN(x)) {
                        out.add(new SummaryRow(StigmaExperiment.ID, HUMAN, "none", "none", "none", condition, q.id(),
                                -1, -1, x, Double.NaN, Double.NaN));
                    }
                }
            }
        }
        return out;
    }

    private SummaryRow row(GroupKey g, String condition, Question q, List<CodedAnswer> answers) {
        long k = 0;
        long n = 0;
        for (CodedAnswer a : answers) {
            if (a.valid() && a.condition().equals(condition) && a.question().id().equals(q.id())) {
                n++;
                if (likely(q, a.letter())) {
                    k++;
                }
            }
        }
        double rate = n == 0 ? Double.NaN : (double) k / n;
        String h = Hashing.sha256(String.join("\u0000", "attribution", g.model(), g.systemPrompt(), g.judge(),
                g.context(), condition, q.id()));
        Interval ci = bootstrap.proportion(k, n, seed ^ Long.parseUnsignedLong(h.substring(0, 16), 16));
        return new SummaryRow(StigmaExperiment.ID, g.model(), g.judge(), g.systemPrompt(), g.context(), condition,
                q.id(), k, n, rate, ci.low(), ci.high());
    }

    /** True for the upper half of the substantive options ("somewhat" and "very likely"). */
    private boolean likely(Question q, String letter) {
        Scale s = stimuli.scaleOf(q);
        List<String> substantive = s.letters().stream().filter(l -> !s.isDoNotKnow(l)).toList();
        return substantive.indexOf(letter) >= substantive.size() / 2;
    }
}
