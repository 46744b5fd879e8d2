package org.mhbench.judge.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mhbench.util.Hashing;
import org.mhbench.util.PrivateFiles;

/**
 * {@value #FILE} in a judge folder: a short hash of every (criterion, reply) the judge was trained on,
 * and nothing of their text, so that {@code validate-judge} can tell when the replies it is given
 * overlap the judge's own training data (agreement on them measures fit, not validity). The first line
 * names the training data's SHA-256 ({@link JudgeManifest#trainingDataSha256()}); a file for other
 * training data is ignored.
 */
public final class TrainingTexts {

    public static final String FILE = "training-texts.txt";
    private static final String HEADER = "# mhbench judge training texts: first 16 hex digits of SHA-256(criterion TAB "
            + "reply with whitespace runs as one space, stripped), sorted; training data sha256 ";

    private TrainingTexts() {
    }

    /** The hash of one (criterion, reply): what the file holds per training text. */
    public static String hash(String criterion, String response) {
        return Hashing.sha256(criterion + "\t" + response.strip().replaceAll("\\s+", " ")).substring(0, 16);
    }

    /** The hashes of every example of {@code set}, sorted. */
    public static Set<String> of(TrainingSet set) {
        Set<String> out = new TreeSet<>();
        set.examples().forEach(e -> out.add(hash(e.criterion(), e.response())));
        return Collections.unmodifiableSet(out);
    }

    /** Writes {@code dir/}{@value #FILE} for {@code set}, owner-only. */
    public static void write(Path dir, TrainingSet set) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + set.sha256());
        lines.addAll(of(set));
        try {
            PrivateFiles.replace(dir.resolve(FILE), tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The training-text hashes of the judge in {@code dir}, or empty when the folder has no such file
     * or it belongs to other training data than {@code manifest}'s (a stale file).
     */
    public static Optional<Set<String>> read(Path dir, JudgeManifest manifest) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + manifest.trainingDataSha256())) {
            return Optional.empty();
        }
        Set<String> out = new TreeSet<>();
        lines.subList(1, lines.size()).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return Optional.of(Collections.unmodifiableSet(out));
    }
}
