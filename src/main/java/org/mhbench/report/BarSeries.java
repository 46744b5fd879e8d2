package org.mhbench.report;

import java.awt.Color;
import java.util.List;

/**
 * One series of a grouped bar chart: a value per category with its 95% interval.
 *
 * @param name   legend label
 * @param values one value per category; NaN draws no bar
 * @param ciLow  lower interval ends, one per category (NaN: no whisker), or {@code null} for none at all
 * @param ciHigh upper interval ends, as {@code ciLow}
 * @param color  bar colour
 */
record BarSeries(String name, List<Double> values, List<Double> ciLow, List<Double> ciHigh, Color color) {

    BarSeries {
        values = List.copyOf(values);
        ciLow = ciLow == null ? null : List.copyOf(ciLow);
        ciHigh = ciHigh == null ? null : List.copyOf(ciHigh);
        if ((ciLow == null) != (ciHigh == null)
                || ciLow != null && (ciLow.size() != values.size() || ciHigh.size() != values.size())) {
            throw new IllegalArgumentException(name + ": intervals must match the values");
        }
    }

    boolean hasCi() {
        return ciLow != null;
    }
}
