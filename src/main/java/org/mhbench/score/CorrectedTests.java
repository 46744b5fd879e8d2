package org.mhbench.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.mhbench.stats.Bonferroni;
import org.mhbench.stats.TestResult;

/** Runs one test per {@link Comparison}, Bonferroni-corrects within each family, and makes the rows. */
public final class CorrectedTests {

    private CorrectedTests() {
    }

    /**
     * @param experiment experiment id of the rows
     * @param test       the test's name in {@code tests.csv}
     * @param item       the item tested (e.g. {@code all})
     * @param runTest      the test, on the outcomes of group A and group B
     * @param alpha      significance threshold for the corrected p-value
     */
    public static List<TestRow> rows(String experiment, String test, String item, List<Comparison> comparisons,
                                     BiFunction<double[], double[], TestResult> runTest, double alpha) {
        TestResult[] results = new TestResult[comparisons.size()];
        for (int i = 0; i < comparisons.size(); i++) {
            results[i] = runTest.apply(comparisons.get(i).a(), comparisons.get(i).b());
        }
        Bonferroni.ByFamily corrected = Bonferroni.adjustByFamily(
                Arrays.stream(results).mapToDouble(TestResult::p).toArray(),
                comparisons.stream().map(Comparison::family).toList());
        double[] adjusted = corrected.adjusted();
        int[] sizes = corrected.sizes();
        List<TestRow> rows = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison t = comparisons.get(i);
            TestResult r = results[i];
            rows.add(new TestRow(experiment, test, t.comparison(), t.model(), t.systemPrompt(), t.context(),
                    t.judge(), t.condition(), item, t.groupA(), t.groupB(), t.a().length, t.b().length, mean(t.a()),
                    mean(t.b()), r.statistic(), r.df(), r.p(), sizes[i], adjusted[i], alpha,
                    !Double.isNaN(adjusted[i]) && adjusted[i] < alpha, r.note()));
        }
        return rows;
    }

    /** Calls {@code action} once for every unordered pair of distinct positions, in list order. */
    public static void pairs(List<String> items, BiConsumer<String, String> action) {
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                action.accept(items.get(i), items.get(j));
            }
        }
    }

    private static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).sum() / x.length;
    }
}
