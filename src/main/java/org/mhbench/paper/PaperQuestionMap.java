package org.mhbench.paper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mhbench.stigma.Question;

/**
 * Maps the paper's question wording to our question ids by position: the i-th question of the
 * paper's {@code data/vignettes.jsonl} (which, despite its name, holds the 14 questions) is our i-th
 * question. The wording is read from the paper's files at run time and never stored in mhbench.
 */
public final class PaperQuestionMap {

    /** The paper's question file (the names of its two data files are swapped). */
    public static final String FILE = "data/vignettes.jsonl";

    private final Map<String, Question> byText;

    private PaperQuestionMap(Map<String, Question> byText) {
        this.byText = byText;
    }

    /**
     * Reads {@code paperDir/data/vignettes.jsonl} and pairs its questions, in order, with {@code ours}.
     *
     * @throws PaperFormatException when the file is missing or malformed, or the counts differ
     */
    public static PaperQuestionMap load(Path paperDir, List<Question> ours) {
        Path file = paperDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new PaperFormatException(file, 0, "not found; is " + paperDir + " the paper's repository folder?");
        }
        Map<String, Question> byText = new HashMap<>();
        PaperFiles.forEachRow(file, (line, q) -> {
            String text = q.path("question_only").asText(null);
            if (text == null) {
                throw new PaperFormatException(file, line, "no \"question_only\" field");
            }
            int index = byText.size();
            if (index >= ours.size()) {
                throw new PaperFormatException(file, line, "more questions than our " + ours.size()
                        + "; the importer pairs questions by position");
            }
            if (byText.put(text, ours.get(index)) != null) {
                throw new PaperFormatException(file, line, "the same question appears twice");
            }
        });
        int index = byText.size();
        if (index != ours.size()) {
            throw new PaperFormatException(file, 0, "has " + index + " questions, our stimuli " + ours.size()
                    + "; the importer pairs questions by position");
        }
        return new PaperQuestionMap(byText);
    }

    /** Our question for the paper's wording of it. */
    public Optional<Question> question(String paperText) {
        return Optional.ofNullable(byText.get(paperText));
    }
}
