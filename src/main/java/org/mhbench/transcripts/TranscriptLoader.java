package org.mhbench.transcripts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mhbench.stimuli.LocatedJson;
import org.mhbench.stimuli.StimulusFormatException;
import org.mhbench.stimuli.StimulusObject;
import org.mhbench.util.Hashing;

/**
 * Reads therapy transcripts in mhbench's JSON Lines dialogue format (documented in
 * {@code stimuli/README.md}, "transcripts/"): one file per transcript, an optional header line
 * {@code {"transcript": ID, "conditions": [...], "description": ...}}, then one line per turn
 * {@code {"speaker": "client"|"clinician", "text": ...}}.
 *
 * <p>Turns must alternate. A single leading clinician turn is dropped, as the paper did, so the
 * dialogue starts with the client. Every problem is a {@link StimulusFormatException} naming file,
 * line and reason.
 */
public final class TranscriptLoader {

    /** The extension of transcript files in a folder. */
    public static final String EXTENSION = ".jsonl";

    private static final Set<String> HEADER_KEYS = Set.of("transcript", "conditions", "description");
    private static final Set<String> TURN_KEYS = Set.of("speaker", "text");

    private TranscriptLoader() {
    }

    /**
     * Loads every {@code *.jsonl} file of {@code dir}, in file-name order.
     *
     * @param knownConditions condition ids a header may name (the stimuli's), or {@code null} to accept any
     * @throws StimulusFormatException for a bad file, two transcripts with the same id, or a folder
     *                                 without transcripts
     */
    public static List<Transcript> loadDir(Path dir, Set<String> knownConditions) {
        if (!Files.isDirectory(dir)) {
            throw new StimulusFormatException(dir, 0, "transcript folder not found");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) {
            throw new StimulusFormatException(dir, 0, "no transcript files (*" + EXTENSION + ") in this folder");
        }
        List<Transcript> out = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path f : files) {
            Transcript t = load(f, knownConditions);
            Path other = ids.putIfAbsent(t.id(), f);
            if (other != null) {
                throw new StimulusFormatException(f, 0, "transcript id " + t.id() + " is also used by " + other);
            }
            out.add(t);
        }
        return out;
    }

    /** Loads one transcript file (see the class comment). */
    public static Transcript load(Path file, Set<String> knownConditions) {
        LocatedJson json = LocatedJson.readLines(file);
        List<JsonNode> values = json.values();
        String id = null;
        Set<String> conditions = Set.of();
        int first = 0;
        if (!values.isEmpty() && values.get(0).isObject() && values.get(0).has("transcript")) {
            StimulusObject h = StimulusObject.of(json, values.get(0), "transcript header").onlyKeys(HEADER_KEYS);
            id = h.id("transcript");
            conditions = conditions(h, knownConditions);
            first = 1;
        }
        if (id == null) {
            id = stem(file);
            if (!StimulusObject.ID.matcher(id).matches()) {
                throw new StimulusFormatException(file, 0, "no header line gives the transcript's id, and the file "
                        + "name \"" + id + "\" is not one (use lower-case letters, digits and _, or add a first line "
                        + "{\"transcript\": \"my_id\"})");
            }
        }
        List<Turn> turns = new ArrayList<>();
        boolean dropped = false;
        for (int i = first; i < values.size(); i++) {
            StimulusObject o = StimulusObject.of(json, values.get(i), "turn").onlyKeys(TURN_KEYS);
            String name = o.text("speaker");
            Speaker speaker = Speaker.parse(name).orElseThrow(() -> o.fail("turn: speaker \"" + name
                    + "\" is not client or clinician"));
            if (turns.isEmpty() && !dropped && speaker == Speaker.CLINICIAN) {
                dropped = true; // the paper drops a leading clinician turn; the dialogue must start with the client
                continue;
            }
            Speaker expected = turns.size() % 2 == 0 ? Speaker.CLIENT : Speaker.CLINICIAN;
            if (speaker != expected) {
                throw o.fail("turn: two " + name + " turns in a row; turns must alternate between client and "
                        + "clinician (join the two turns into one)");
            }
            turns.add(new Turn(speaker, o.text("text")));
        }
        if (turns.isEmpty()) {
            throw new StimulusFormatException(file, 0, "the transcript has no client turn");
        }
        return new Transcript(id, conditions, turns, file, Hashing.sha256(file), dropped);
    }

    private static Set<String> conditions(StimulusObject header, Set<String> known) {
        List<String> list = header.texts("conditions", false);
        Set<String> out = new LinkedHashSet<>(list);
        if (out.size() != list.size()) {
            throw header.fail("transcript header: a condition is listed twice");
        }
        if (known != null) {
            for (String c : out) {
                if (!known.contains(c)) {
                    throw header.fail("transcript header: unknown condition \"" + c + "\" (the stimuli's conditions: "
                            + String.join(", ", new TreeSet<>(known)) + ")");
                }
            }
        }
        return out;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }
}
