package org.mhbench.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.score.SummaryRow;

/** Ordering of the values in a table's column and turning summary rows into chart series. */
public final class Groups {

    /** The pooled condition, always shown last. */
    public static final String OVERALL = "overall";

    private Groups() {
    }

    /** The distinct {@code values}: those in {@code preferred} in its order, then the others as they appear. */
    public static List<String> ordered(List<String> values, List<String> preferred) {
        Set<String> present = new LinkedHashSet<>(values);
        List<String> out = new ArrayList<>();
        preferred.stream().filter(present::contains).forEach(out::add);
        present.stream().filter(v -> !out.contains(v)).forEach(out::add);
        return out;
    }

    /** As {@link #ordered}, with {@link #OVERALL} moved to the end. */
    public static List<String> conditions(List<String> values, List<String> preferred) {
        List<String> out = new ArrayList<>(ordered(values, preferred));
        if (out.remove(OVERALL)) {
            out.add(OVERALL);
        }
        return out;
    }

    /**
     * A bar series of the rows' rates in percent (0–100, as the charts' axes), one per category: NaN
     * where a category has no row or no data (n = 0), which the chart marks "no data".
     */
    static BarSeries bars(String name, List<String> categories, Map<String, SummaryRow> byCategory, boolean ci,
                          Color color) {
        List<Double> values = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (String c : categories) {
            SummaryRow r = byCategory.get(c);
            values.add(r == null ? Double.NaN : percent(r.rate()));
            low.add(r == null ? Double.NaN : percent(r.ciLow()));
            high.add(r == null ? Double.NaN : percent(r.ciHigh()));
        }
        return new BarSeries(name, values, ci ? low : null, ci ? high : null, color);
    }

    /**
     * The bar series of a rate table's rows, one per row: a model's in its colour with intervals, a
     * reference's grey without.
     *
     * @param models the report's models, whose order gives their colours
     */
    static List<BarSeries> bars(RateTable table, List<String> models) {
        List<BarSeries> series = new ArrayList<>();
        int references = 0;
        for (RateTable.Row row : table.rows()) {
            Color color = row.reference() ? ChartFiles.REFERENCE_COLORS.get(references++
                    % ChartFiles.REFERENCE_COLORS.size()) : ChartFiles.modelColor(models.indexOf(row.model()));
            series.add(bars(row.labels().get(0), table.keys(), row.byKey(table.keys()), !row.reference(), color));
        }
        return series;
    }

    /** A share (0–1) in percent (0–100); NaN stays NaN. */
    static double percent(double share) {
        return share * 100;
    }

    /**
     * The setting of a chart for its title, each value named: {@code judge: gpt-4o · system prompt: none}.
     *
     * @param fields name, value, name, value, …
     */
    public static String setting(String... fields) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            parts.add(fields[i] + ": " + fields[i + 1]);
        }
        return String.join(" · ", parts);
    }
}
