package org.mhbench.score.stigma;

import static org.mhbench.score.CorrectedTests.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.score.Comparison;
import org.mhbench.score.CorrectedTests;
import org.mhbench.score.TestRow;
import org.mhbench.stats.WelchTest;
import org.mhbench.stigma.StigmaExperiment;

/**
 * Welch t-tests on the binary stigma outcomes of pooled cells ({@code item = all}), as in the
 * paper's figures (paper-methods §1.6):
 * <ul>
 *   <li>{@code models}: every pair of models, within each condition (including {@code overall}),
 *       system prompt and judge;</li>
 *   <li>{@code conditions}: every pair of conditions (not {@code overall}), within each model,
 *       system prompt and judge;</li>
 *   <li>{@code system_prompts}: every pair of system prompts, within each model, condition and judge
 *       (e.g. does the steel-man prompt change stigma).</li>
 * </ul>
 * Bonferroni family: all defined tests of one comparison kind that share a judge and, for
 * {@code models} and {@code conditions}, a system prompt. Significant means p_bonferroni &lt; alpha.
 */
public final class StigmaTests {

    /** The test's id in {@code tests.csv}. */
    public static final String TEST = "welch_t";

    private final StigmaCells cells;
    private final double alpha;

    public StigmaTests(StigmaCells cells, double alpha) {
        this.cells = cells;
        this.alpha = alpha;
    }

    /** All tests for the given groups, in a deterministic order. */
    public List<TestRow> tests(Map<GroupKey, List<CodedAnswer>> groups) {
        List<Comparison> pending = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        Set<String> prompts = new LinkedHashSet<>();
        Set<String> judges = new LinkedHashSet<>();
        for (GroupKey g : groups.keySet()) {
            models.add(g.model());
            prompts.add(g.systemPrompt());
            judges.add(g.judge());
        }
        String context = groups.keySet().stream().map(GroupKey::context).findFirst().orElse("none");
        for (String judge : judges) {
            for (String sp : prompts) {
                for (String condition : cells.conditions()) {
                    pairs(new ArrayList<>(models), (x, y) -> add(pending, groups, "models|" + judge + "|" + sp,
                            "models", "", sp, judge, condition, x, y,
                            new GroupKey(x, sp, judge, context), new GroupKey(y, sp, judge, context)));
                }
                for (String model : models) {
                    List<String> conditions = cells.conditions().stream()
                            .filter(c -> !c.equals(StigmaCells.OVERALL)).toList();
                    GroupKey g = new GroupKey(model, sp, judge, context);
                    pairs(conditions, (x, y) -> add(pending, groups, "conditions|" + judge + "|" + sp,
                            "conditions", model, sp, judge, "", x, y, g, g));
                }
            }
            for (String model : models) {
                for (String condition : cells.conditions()) {
                    pairs(new ArrayList<>(prompts), (x, y) -> add(pending, groups, "system_prompts|" + judge,
                            "system_prompts", model, "", judge, condition, x, y,
                            new GroupKey(model, x, judge, context), new GroupKey(model, y, judge, context)));
                }
            }
        }
        return CorrectedTests.rows(StigmaExperiment.ID, TEST, StigmaCells.ALL, pending, WelchTest::test, alpha);
    }

    private void add(List<Comparison> out, Map<GroupKey, List<CodedAnswer>> groups, String family, String comparison,
                     String model, String sp, String judge, String condition, String x, String y, GroupKey gx,
                     GroupKey gy) {
        if (!groups.containsKey(gx) || !groups.containsKey(gy)) {
            return;
        }
        String conditionA = comparison.equals("conditions") ? x : condition;
        String conditionB = comparison.equals("conditions") ? y : condition;
        double[] a = cells.outcomes(groups.get(gx), conditionA, StigmaCells.ALL);
        double[] b = cells.outcomes(groups.get(gy), conditionB, StigmaCells.ALL);
        out.add(new Comparison(family, comparison, model, sp, gx.context(), judge, condition, x, y, a, b));
    }

}
