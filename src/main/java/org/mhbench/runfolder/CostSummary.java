package org.mhbench.runfolder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The manifest's {@code cost}: what generating (and judging as replies came) cost, all tries of a resumed
 * run together. Written by {@code run.CostMeter}; {@code null} in a manifest until a run has finished a
 * generation stage.
 *
 * @param wallSeconds     wall-clock seconds
 * @param cpuSeconds      CPU seconds of mhbench and the processes it started, or {@code null} when unknown
 * @param items           items generated
 * @param cpuEnergySource where the CPU energy figure comes from (RAPL, or the estimate and its wattage)
 * @param cpuEnergyWh     CPU energy, Wh
 * @param gpuEnergyWh     GPU energy, Wh; left out where no GPU was sampled
 * @param gpuEnergySource where the GPU figure comes from; left out with it
 * @param energyWh        CPU and GPU energy, Wh
 * @param whPer1000Items  energy per 1,000 items, or {@code null} for no items
 * @param itemsPerSecond  items per wall second, or {@code null}
 * @param tries           how many tries of a resumed run were added together; left out for one
 * @param generation      the generation stage alone (wall time less judging); left out when not measured
 * @param judging         judging as replies came (verdicts); left out for a run without a judge
 */
public record CostSummary(@JsonProperty("wall_seconds") double wallSeconds,
                          @JsonProperty("cpu_seconds") Double cpuSeconds,
                          long items,
                          @JsonProperty("cpu_energy_source") String cpuEnergySource,
                          @JsonProperty("cpu_energy_wh") double cpuEnergyWh,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("gpu_energy_wh") Double gpuEnergyWh,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("gpu_energy_source")
                          String gpuEnergySource,
                          @JsonProperty("energy_wh") double energyWh,
                          @JsonProperty("wh_per_1000_items") Double whPer1000Items,
                          @JsonProperty("items_per_second") Double itemsPerSecond,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer tries,
                          @JsonInclude(JsonInclude.Include.NON_NULL) StageCost generation,
                          @JsonInclude(JsonInclude.Include.NON_NULL) StageCost judging) {

    /**
     * A measurement of {@code items} over {@code wallSeconds}, with the rates computed (figures rounded to
     * 1/1000).
     */
    public static CostSummary of(double wallSeconds, Double cpuSeconds, long items, String cpuEnergySource,
                                 double cpuEnergyWh, Double gpuEnergyWh, String gpuEnergySource) {
        double energy = cpuEnergyWh + (gpuEnergyWh == null ? 0 : gpuEnergyWh);
        return new CostSummary(round(wallSeconds), cpuSeconds == null ? null : round(cpuSeconds), items,
                cpuEnergySource, round(cpuEnergyWh), gpuEnergyWh == null ? null : round(gpuEnergyWh), gpuEnergySource,
                round(energy), items > 0 ? round(energy / items * 1000) : null,
                wallSeconds > 0 ? round(items / wallSeconds) : null, null, null, null);
    }

    /**
     * This cost with its stages: generation is the wall time less {@code judging}'s seconds ({@code judging}
     * null for a run without a judge).
     */
    public CostSummary withStages(StageCost judging) {
        double judgingSeconds = judging == null ? 0 : judging.seconds();
        return new CostSummary(wallSeconds, cpuSeconds, items, cpuEnergySource, cpuEnergyWh, gpuEnergyWh,
                gpuEnergySource, energyWh, whPer1000Items, itemsPerSecond, tries,
                StageCost.of(items, Math.max(0, wallSeconds - judgingSeconds)), judging);
    }

    /** This try's cost plus {@code before} (an earlier try's, or {@code null}), with the rates recomputed. */
    public CostSummary plus(CostSummary before) {
        if (before == null) {
            return this;
        }
        double wall = round(wallSeconds + before.wallSeconds);
        long n = items + before.items;
        double energy = round(energyWh + before.energyWh);
        return new CostSummary(wall, sum(cpuSeconds, before.cpuSeconds), n, cpuEnergySource,
                round(cpuEnergyWh + before.cpuEnergyWh), sum(gpuEnergyWh, before.gpuEnergyWh), gpuEnergySource, energy,
                n > 0 ? round(energy / n * 1000) : null, wall > 0 ? round(n / wall) : null,
                (before.tries == null ? 1 : before.tries) + 1, plus(generation, before.generation),
                plus(judging, before.judging));
    }

    private static StageCost plus(StageCost now, StageCost before) {
        return now == null ? before : now.plus(before);
    }

    /** Both added, or this try's figure where the earlier try has none. */
    private static Double sum(Double now, Double before) {
        return now == null || before == null ? now : Double.valueOf(round(now + before));
    }

    /** Rounded to 1/1000, as every figure of the cost is written. */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
