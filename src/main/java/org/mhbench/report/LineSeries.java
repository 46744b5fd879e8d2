package org.mhbench.report;

import java.awt.Color;
import java.util.List;

/**
 * One series of a line chart: points (x, y) with their 95% intervals.
 *
 * @param name   legend label
 * @param x      x values, ascending
 * @param y      y values; NaN leaves a gap
 * @param ciLow  lower interval ends (NaN: no whisker)
 * @param ciHigh upper interval ends
 * @param color  line colour
 */
record LineSeries(String name, List<Double> x, List<Double> y, List<Double> ciLow, List<Double> ciHigh,
                  Color color) {

    LineSeries {
        x = List.copyOf(x);
        y = List.copyOf(y);
        ciLow = List.copyOf(ciLow);
        ciHigh = List.copyOf(ciHigh);
        if (y.size() != x.size() || ciLow.size() != x.size() || ciHigh.size() != x.size()) {
            throw new IllegalArgumentException(name + ": x, y and intervals must have the same length");
        }
    }
}
