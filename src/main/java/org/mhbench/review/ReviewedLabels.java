package org.mhbench.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.BadInputException;

/**
 * The verdicts people gave in {@code mhbench review} as labels for {@code train-judge} and
 * {@code validate-judge}: one {@link LabelledItem} per reply and reviewer, its source the model that wrote
 * the reply (so a leave-one-source-out evaluation holds out one model at a time). Two reviewers who
 * disagree on a reply give two items with different labels; training drops such conflicts.
 */
public final class ReviewedLabels {

    private ReviewedLabels() {
    }

    /** Whether {@code path} is a run folder (it holds a manifest) rather than a labels file. */
    public static boolean isRunFolder(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(RunDirectory.MANIFEST));
    }

    /** People's verdicts in a run folder, in record order; an error when there are none. */
    public static List<LabelledItem> read(Path runDir) throws IOException {
        Map<String, ResponseRecord> records = ReviewQueue.records(runDir);
        Map<String, Judgment> latest = new LinkedHashMap<>();
        for (Judgment j : RunDirectory.readJudgments(runDir)) {
            if (j.judge().startsWith(Judgment.REVIEWER_PREFIX)) {
                latest.merge(j.key(), j, (a, b) -> a.judgedAt().isAfter(b.judgedAt()) ? a : b);
            }
        }
        List<LabelledItem> items = new ArrayList<>();
        String run = runDir.toAbsolutePath().normalize().getFileName().toString();
        for (Judgment j : latest.values()) {
            ResponseRecord r = records.get(j.recordId());
            if (r == null || r.output() == null) {
                continue;
            }
            ReviewItem item = new ReviewItem(r, j, List.of());
            items.add(new LabelledItem("review:" + run + ":" + j.recordId() + ":" + j.judge(), j.criterion(),
                    item.question(), item.clientMessage(), r.output(), j.answer(), r.model()));
        }
        if (items.isEmpty()) {
            throw new BadInputException(runDir + " holds no verdicts of people (human:NAME): settle some with "
                    + "mhbench review " + runDir + " --reviewer NAME");
        }
        items.sort(Comparator.comparing(LabelledItem::id));
        return items;
    }
}
