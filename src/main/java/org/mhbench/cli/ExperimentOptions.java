package org.mhbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mhbench.stigma.Decoding;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaSettings;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stigma.SystemPrompt;
import org.mhbench.stimuli.Experiment;
import org.mhbench.util.Home;
import picocli.CommandLine.Option;

/** Which experiments to run and how: shared by {@code run} and anything else that builds prompts. */
public final class ExperimentOptions {

    /** Experiments this build knows. */
    static final List<String> KNOWN = List.of(StigmaExperiment.ID);

    @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", split = ",",
            description = "Experiment(s) to run: stigma (default: all of them).")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--stimuli", paramLabel = "DIR",
            description = "Stimulus folder (default: the stimuli/ folder of this checkout).")
    Path stimuliDir;

    @Option(names = "--system-prompt", paramLabel = "none|steel-man|FILE", split = ",",
            description = "System-prompt setting(s); each is a separate condition (default: none,steel-man).")
    List<String> systemPrompts = new ArrayList<>();

    @Option(names = "--grammar",
            description = "Also run the stigma questions with output constrained to one letter (a separately "
                    + "reported variant; the paper did not do this).")
    boolean grammar;

    @Option(names = "--samples", defaultValue = "1", paramLabel = "N",
            description = "Samples per prompt, seeds seed..seed+N-1 (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Base sampler seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}, greedy, as in the paper).")
    double temperature;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Token cap per reply (default: the experiment's: 10 for stigma, as in the paper).")
    Integer maxTokens;

    Path stimuli() {
        Path dir = stimuliDir != null ? stimuliDir : Home.resolve("stimuli");
        if (!Files.isDirectory(dir)) {
            throw new UserError("stimulus folder not found: " + dir + " (give --stimuli DIR)");
        }
        return dir;
    }

    /** The experiments, in a fixed order, built from the stimulus files. */
    List<Experiment> build() {
        Set<String> names = new LinkedHashSet<>(experiments.isEmpty() || experiments.contains("all") ? KNOWN
                : experiments);
        for (String n : names) {
            if (!KNOWN.contains(n)) {
                throw new UserError("unknown experiment '" + n + "'; known: " + String.join(", ", KNOWN));
            }
        }
        Path dir = stimuli();
        List<Experiment> out = new ArrayList<>();
        if (names.contains(StigmaExperiment.ID)) {
            out.add(stigma(dir));
        }
        return out;
    }

    private Experiment stigma(Path dir) {
        Path promptDir = dir.resolve("system-prompts");
        List<SystemPrompt> prompts = new ArrayList<>();
        for (String s : systemPrompts.isEmpty() ? List.of(SystemPrompt.NONE, SystemPrompt.STEEL_MAN) : systemPrompts) {
            prompts.add(SystemPrompt.parse(s, promptDir));
        }
        Set<Decoding> decodings = grammar ? EnumSet.of(Decoding.FREE, Decoding.GRAMMAR) : EnumSet.of(Decoding.FREE);
        StigmaSettings settings = new StigmaSettings(prompts, decodings, temperature,
                maxTokens != null ? maxTokens : StigmaSettings.DEFAULT_MAX_TOKENS, seed, samples);
        return new StigmaExperiment(StigmaStimuli.load(dir.resolve("stigma")), settings);
    }
}
