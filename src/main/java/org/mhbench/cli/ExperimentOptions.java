package org.mhbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.mhbench.experiments.ExperimentModule;
import org.mhbench.experiments.Experiments;
import org.mhbench.responses.Placement;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesSettings;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.stigma.Decoding;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaSettings;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.Experiment;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.transcripts.TranscriptLoader;
import org.mhbench.util.Home;
import picocli.CommandLine.Option;

/** Which experiments to run and how: shared by {@code run} and anything else that builds prompts. */
public final class ExperimentOptions {

    /** Experiments this build knows: the registered ones ({@link Experiments#ALL}), in their order. */
    static final List<String> KNOWN = Experiments.ids();

    /** The registered experiments' ids, for the help text. */
    static final class Known implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return KNOWN.iterator();
        }
    }

    @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", split = ",", completionCandidates = Known.class,
            description = "Experiment(s) to run: ${COMPLETION-CANDIDATES} (default: all of them).")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--stimuli", paramLabel = "DIR",
            description = "Stimulus folder (default: the stimuli/ folder of this checkout).")
    Path stimuliDir;

    @Option(names = "--system-prompt", paramLabel = "none|steel-man|FILE", split = ",",
            description = "System-prompt setting(s); each is a separate condition (default: none,steel-man).")
    List<String> systemPrompts = new ArrayList<>();

    @Option(names = "--full-answers",
            description = "Generate every stigma answer to its token cap. By default generation stops once the "
                    + "strict parser's verdict cannot change (the same strict scores from fewer tokens); give this "
                    + "when you will score with --parser lenient, which reads whole answers.")
    boolean fullAnswers;

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
            description = "Token cap per reply (default: the experiment's, as in the paper: 10 for stigma, 512 for "
                    + "responses).")
    Integer maxTokens;

    @Option(names = "--transcripts", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
            description = {"Responses: also place every stimulus in each therapy transcript of DIR (JSON Lines, see "
                    + "stimuli/README.md) after 0, 50, 100, ... messages (context 'transcript'), as the paper did.",
                    "Without DIR: the synthetic transcript shipped in stimuli/transcripts."})
    String transcripts;

    @Option(names = "--interval", paramLabel = "N", defaultValue = "50",
            description = "Responses: place the stimuli every N transcript messages (even; default: ${DEFAULT-VALUE}).")
    int interval;

    @Option(names = "--offsets", paramLabel = "N", split = ",",
            description = "Responses: place the stimuli after exactly these numbers of transcript messages (even), "
                    + "instead of every --interval.")
    List<Integer> offsets = new ArrayList<>();

    @Option(names = "--contextualize",
            description = "Responses: before the client's final message, insert a bridging client turn (and an empty "
                    + "therapist turn) written by --bridge-model, as the paper's 'contextualize' variant.")
    boolean contextualize;

    @Option(names = "--bridge-model", paramLabel = "FILE.gguf",
            description = "Responses: the local model that writes the bridging turns for --contextualize.")
    Path bridgeModel;

    Path stimuli() {
        Path dir = stimuliDir != null ? stimuliDir : Home.resolve("stimuli");
        if (!Files.isDirectory(dir)) {
            throw new UserError("stimulus folder not found: " + dir + " (give --stimuli DIR)");
        }
        return dir;
    }

    /** The experiments, in a fixed order, built from the stimulus files. */
    List<Experiment> build() {
        checkNumbers();
        Set<String> names = new LinkedHashSet<>(experiments.isEmpty() || experiments.contains("all") ? KNOWN
                : experiments);
        for (String n : names) {
            if (!KNOWN.contains(n)) {
                throw new UserError("unknown experiment '" + n + "'; known: " + String.join(", ", KNOWN));
            }
        }
        Path dir = stimuli();
        List<Experiment> out = new ArrayList<>();
        for (ExperimentModule m : Experiments.ALL) {
            if (names.contains(m.id())) {
                out.add(experiment(m, dir));
            }
        }
        if (!names.contains(ResponsesExperiment.ID)
                && (transcripts != null || contextualize || bridgeModel != null || !offsets.isEmpty())) {
            throw new UserError("--transcripts, --offsets, --contextualize and --bridge-model apply to the responses "
                    + "experiment only; add -e responses");
        }
        return out;
    }

    /** A registered experiment built with these options: each experiment's options are mapped here. */
    private Experiment experiment(ExperimentModule m, Path dir) {
        return switch (m.id()) {
            case StigmaExperiment.ID -> stigma(dir);
            case ResponsesExperiment.ID -> responses(dir);
            default -> throw new IllegalStateException("experiment " + m.id() + " is registered but has no run "
                    + "options in cli.ExperimentOptions");
        };
    }

    /** The system-prompt settings, shared by both experiments (default: none and steel-man). */
    private List<SystemPrompt> systemPrompts(Path dir) {
        Path promptDir = dir.resolve("system-prompts");
        List<SystemPrompt> prompts = new ArrayList<>();
        for (String s : systemPrompts.isEmpty() ? List.of(SystemPrompt.NONE, SystemPrompt.STEEL_MAN) : systemPrompts) {
            prompts.add(option("--system-prompt", () -> SystemPrompt.parse(s, promptDir)));
        }
        return option("--system-prompt", () -> SystemPrompt.requireDistinctLabels(prompts));
    }

    /** The numeric options, checked with their names (the settings' own checks guard against bugs). */
    private void checkNumbers() {
        if (samples < 1) {
            throw new UserError("--samples must be 1 or more, got " + samples);
        }
        if (!(temperature >= 0)) {
            throw new UserError("--temperature must be 0 or more, got " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new UserError("--max-tokens must be 1 or more, got " + maxTokens);
        }
    }

    /**
     * The value {@code parse} makes of an option's value; its {@link IllegalArgumentException} (the value
     * does not fit) is the user's mistake, named after the option.
     */
    private static <T> T option(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(name + ": " + e.getMessage(), e);
        }
    }

    private Experiment stigma(Path dir) {
        List<SystemPrompt> prompts = systemPrompts(dir);
        Set<Decoding> decodings = grammar ? EnumSet.of(Decoding.FREE, Decoding.GRAMMAR) : EnumSet.of(Decoding.FREE);
        StigmaSettings settings = new StigmaSettings(prompts, decodings, temperature,
                maxTokens != null ? maxTokens : StigmaSettings.DEFAULT_MAX_TOKENS, seed, samples, fullAnswers);
        return new StigmaExperiment(StigmaStimuli.load(dir.resolve("stigma")), settings);
    }

    private Experiment responses(Path dir) {
        ResponsesStimuli stimuli = ResponsesStimuli.load(dir.resolve(ResponsesStimuli.FOLDER));
        ResponsesSettings settings = new ResponsesSettings(systemPrompts(dir), temperature,
                maxTokens != null ? maxTokens : ResponsesSettings.DEFAULT_MAX_TOKENS, seed, samples, List.of(),
                Placement.paper(), false, null);
        if (transcripts != null) {
            Path folder = transcripts.isEmpty() ? dir.resolve("transcripts")
                    : option("--transcripts", () -> Path.of(transcripts));
            Placement placement = offsets.isEmpty() ? option("--interval", () -> Placement.every(interval))
                    : option("--offsets", () -> Placement.at(offsets));
            settings = settings.withTranscripts(TranscriptLoader.loadDir(folder,
                    new java.util.HashSet<>(stimuli.conditions())), placement);
        } else if (!offsets.isEmpty()) {
            throw new UserError("--offsets needs --transcripts");
        }
        if (contextualize) {
            if (bridgeModel == null) {
                throw new UserError("--contextualize needs --bridge-model FILE.gguf, the local model that writes the "
                        + "bridging turns");
            }
            if (!Files.isRegularFile(bridgeModel)) {
                throw new UserError("bridge model not found: " + bridgeModel + " (give the path of a .gguf file)");
            }
            settings = settings.withBridging(bridgeModel);
        } else if (bridgeModel != null) {
            throw new UserError("--bridge-model is only used with --contextualize");
        }
        return new ResponsesExperiment(stimuli, settings);
    }
}
