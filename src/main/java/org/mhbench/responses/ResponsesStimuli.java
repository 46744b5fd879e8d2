package org.mhbench.responses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.util.Hashing;
import org.mhbench.util.Home;

/**
 * The appropriate-responses experiment's stimuli, loaded and validated: the client stimuli with their
 * criteria, and the fixed texts. Immutable. Load with {@link #load(Path)}; the format is documented in
 * {@code stimuli/README.md}.
 */
public final class ResponsesStimuli {

    /** Where the shipped stimuli live, relative to the mhbench checkout or install folder. */
    public static final Path DEFAULT_DIR = Path.of("stimuli", "responses");
    /** The name of the folder inside a stimulus folder ({@code stimuli/responses}). */
    public static final String FOLDER = "responses";

    private final Path dir;
    private final List<ResponseStimulus> stimuli;
    private final Map<String, ResponseStimulus> byId = new LinkedHashMap<>();
    private final ResponsesInstructions instructions;
    private final Map<String, String> fileHashes;

    /**
     * Assembles stimuli from parts (for tests; {@link #load} is the usual way).
     *
     * @param dir        folder they came from, or {@code null}
     * @param fileHashes file name → SHA-256, for the manifest (may be empty)
     * @throws IllegalArgumentException when two stimuli share an id
     */
    public ResponsesStimuli(Path dir, List<ResponseStimulus> stimuli, ResponsesInstructions instructions,
                            Map<String, String> fileHashes) {
        this.dir = dir;
        this.stimuli = List.copyOf(stimuli);
        this.instructions = instructions;
        this.fileHashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileHashes));
        for (ResponseStimulus s : stimuli) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("two stimuli have the id " + s.id());
            }
        }
    }

    /** Loads the shipped stimuli, {@link #DEFAULT_DIR} inside mhbench's install folder ({@link Home}). */
    public static ResponsesStimuli loadDefault() {
        return load(Home.dir().resolve(DEFAULT_DIR));
    }

    /**
     * Loads and validates {@code stimuli.jsonl} and {@code instructions.json} in {@code dir}.
     *
     * @throws org.mhbench.stigma.StimulusFormatException naming file, line and reason
     */
    public static ResponsesStimuli load(Path dir) {
        List<ResponseStimulus> stimuli = ResponsesStimuliLoader.stimuli(dir.resolve(ResponsesStimuliLoader.STIMULI));
        ResponsesInstructions instructions = ResponsesStimuliLoader.instructions(
                dir.resolve(ResponsesStimuliLoader.INSTRUCTIONS));
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String f : ResponsesStimuliLoader.FILES) {
            hashes.put(f, Hashing.sha256(dir.resolve(f)));
        }
        return new ResponsesStimuli(dir, stimuli, instructions, hashes);
    }

    /** The folder the stimuli were loaded from, or {@code null}. */
    public Path dir() {
        return dir;
    }

    /** All stimuli, in file order. */
    public List<ResponseStimulus> stimuli() {
        return stimuli;
    }

    public ResponsesInstructions instructions() {
        return instructions;
    }

    /** Stimulus file name → SHA-256 (empty when not loaded from files). */
    public Map<String, String> fileHashes() {
        return fileHashes;
    }

    /** The stimulus (= criterion) with this id. */
    public Optional<ResponseStimulus> stimulus(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Condition ids in order of first appearance. */
    public List<String> conditions() {
        Set<String> out = new LinkedHashSet<>();
        stimuli.forEach(s -> out.add(s.condition()));
        return new ArrayList<>(out);
    }

    /** Stimulus ids, in file order. */
    public List<String> ids() {
        return stimuli.stream().map(ResponseStimulus::id).toList();
    }
}
