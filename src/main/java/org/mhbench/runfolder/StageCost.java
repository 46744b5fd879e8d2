package org.mhbench.runfolder;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The time one stage of a run took, within the run's {@link CostSummary}: how many items it handled, the
 * wall seconds spent in it, and its rate. Judging runs as replies come, between generations, so
 * generation's seconds are the run's wall time less judging's.
 *
 * @param items          items handled (records generated, verdicts recorded)
 * @param seconds        wall seconds spent in the stage
 * @param itemsPerSecond {@code items / seconds}, or {@code null} when no time was spent
 */
public record StageCost(long items, double seconds, @JsonProperty("items_per_second") Double itemsPerSecond) {

    /** A measurement, rates computed and figures rounded to 1/1000. */
    public static StageCost of(long items, double seconds) {
        return new StageCost(items, CostSummary.round(seconds),
                seconds > 0 ? Double.valueOf(CostSummary.round(items / seconds)) : null);
    }

    /** Both tries added ({@code before} may be null). */
    public StageCost plus(StageCost before) {
        return before == null ? this : of(items + before.items, seconds + before.seconds);
    }
}
