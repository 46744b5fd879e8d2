package org.mhbench.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mhbench.report.ExperimentReport;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.util.Home;

/** The experiments mhbench runs, registered in one place: adding one means adding its module here. */
public final class Experiments {

    public static final StigmaModule STIGMA = new StigmaModule();
    public static final ResponsesModule RESPONSES = new ResponsesModule();
    /** Every experiment, in the order runs and reports take them. */
    public static final List<ExperimentModule> ALL = List.of(STIGMA, RESPONSES);

    private Experiments() {
    }

    /** The ids of {@link #ALL}. */
    public static List<String> ids() {
        return ALL.stream().map(ExperimentModule::id).toList();
    }

    /** The report sections of {@link #ALL}, in their order. */
    public static List<ExperimentReport> reports() {
        return ALL.stream().map(ExperimentModule::report).toList();
    }

    public static Optional<ExperimentModule> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** {@code stimuliRoot}, or this checkout's {@code stimuli/} when {@code null}. */
    public static Path root(Path stimuliRoot) {
        return stimuliRoot != null ? stimuliRoot : Home.resolve("stimuli");
    }

    /**
     * An experiment's stimulus folder under {@code stimuliRoot} (or the checkout's stimuli).
     *
     * @throws StimulusFormatException when it is missing (bad input)
     */
    static Path folder(Path stimuliRoot, String name) {
        Path root = root(stimuliRoot);
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new StimulusFormatException(dir, 0, "stimulus folder not found (give --stimuli DIR, the folder "
                    + "holding " + name + "/)");
        }
        return dir;
    }
}
