package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mhbench.experiments.Experiments;
import org.mhbench.stimuli.Experiment;
import picocli.CommandLine;

/** The experiments the command line knows are the registered ones, each built from its options. */
class ExperimentOptionsTest {

    @Test
    void everyRegisteredExperimentIsBuiltInRegistryOrder() {
        ExperimentOptions o = CommandLine.populateCommand(new ExperimentOptions());
        assertEquals(Experiments.ids(), o.build().stream().map(Experiment::id).toList());
    }

    @Test
    void theHelpNamesTheRegisteredExperiments() {
        String help = CliRun.of("run", "--help").out();
        assertTrue(help.contains("Experiment(s) to run: " + String.join(", ", Experiments.ids())), help);
    }
}
