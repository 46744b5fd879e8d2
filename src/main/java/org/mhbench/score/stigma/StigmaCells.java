package org.mhbench.score.stigma;

import java.util.ArrayList;
import java.util.List;
import org.mhbench.stigma.ConditionTemplate;
import org.mhbench.stigma.Question;
import org.mhbench.stigma.StigmaStimuli;

/**
 * The cells of the stigma score (paper-methods §1.6): each condition plus {@code overall}, which
 * pools the rows of every non-control condition (a pooled mean, not a mean of means), crossed
 * with each scored question plus {@code all}, which pools the scored questions. A cell's outcomes
 * are its valid answers to scored questions, 1 for stigmatizing and 0 otherwise.
 */
public final class StigmaCells {

    /** The pooled condition. */
    public static final String OVERALL = "overall";
    /** The pooled item. */
    public static final String ALL = "all";

    private final List<String> conditions;
    private final List<String> pooled;
    private final List<String> items;

    public StigmaCells(StigmaStimuli stimuli) {
        List<String> c = new ArrayList<>(stimuli.conditions().stream().map(ConditionTemplate::condition).toList());
        c.add(OVERALL);
        this.conditions = List.copyOf(c);
        this.pooled = stimuli.pooledConditions();
        List<String> i = new ArrayList<>(stimuli.scoredQuestions().stream().map(Question::id).toList());
        i.add(ALL);
        this.items = List.copyOf(i);
    }

    /** Conditions in file order, then {@code overall}. */
    public List<String> conditions() {
        return conditions;
    }

    /** The conditions pooled into {@code overall}. */
    public List<String> pooled() {
        return pooled;
    }

    /** Scored question ids in file order, then {@code all}. */
    public List<String> items() {
        return items;
    }

    /** True when {@code a} belongs to the cell (whatever its outcome). */
    public boolean contains(CodedAnswer a, String condition, String item) {
        if (!a.question().inScore()) {
            return false;
        }
        boolean conditionMatches = OVERALL.equals(condition) ? pooled.contains(a.condition())
                : condition.equals(a.condition());
        return conditionMatches && (ALL.equals(item) || item.equals(a.question().id()));
    }

    /** The cell's outcomes: one value per valid answer, 1 when stigmatizing, in input order. */
    public double[] outcomes(List<CodedAnswer> answers, String condition, String item) {
        return answers.stream().filter(a -> a.valid() && contains(a, condition, item))
                .mapToDouble(a -> a.stigmatizing() ? 1 : 0).toArray();
    }
}
