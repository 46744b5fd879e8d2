package org.mhbench.judge.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mhbench.judge.labels.LabelledItem;
import org.mhbench.util.Hashing;

/**
 * Labelled replies made ready for training: one example per distinct (criterion, reply text), with
 * the set of sources the text came from; a text labelled both yes and no is dropped. Examples are
 * sorted by criterion and text, so the result does not depend on the order of the input files.
 *
 * @param examples   the examples
 * @param questions  criterion → the question the judge will answer for it
 * @param duplicates input items merged into an earlier identical text
 * @param conflicts  distinct texts dropped for carrying both labels
 */
public record TrainingSet(List<Example> examples, Map<String, String> questions, int duplicates, int conflicts) {

    /**
     * @param criterion criterion id
     * @param response  the reply
     * @param yes       its label
     * @param sources   where it came from (empty when the input had no source)
     * @param id        the id of its first input item
     */
    public record Example(String criterion, String response, boolean yes, Set<String> sources, String id) {
        public Example {
            sources = Collections.unmodifiableSet(new TreeSet<>(sources));
        }
    }

    public TrainingSet {
        examples = List.copyOf(examples);
        questions = Collections.unmodifiableMap(new TreeMap<>(questions));
    }

    /**
     * @param items     labelled items from any number of sources
     * @param questions criterion → question to use; a criterion missing here gets the question most of
     *                  its items carry
     */
    public static TrainingSet of(List<LabelledItem> items, Map<String, String> questions) {
        Map<List<String>, List<LabelledItem>> byText = new LinkedHashMap<>();
        for (LabelledItem item : items) {
            byText.computeIfAbsent(List.of(item.criterion(), item.response()), k -> new ArrayList<>()).add(item);
        }
        List<Example> examples = new ArrayList<>();
        int duplicates = 0;
        int conflicts = 0;
        for (List<LabelledItem> group : byText.values()) {
            boolean yes = group.get(0).yes();
            if (group.stream().anyMatch(i -> i.yes() != yes)) {
                conflicts++;
                continue;
            }
            duplicates += group.size() - 1;
            Set<String> sources = new TreeSet<>();
            group.stream().map(LabelledItem::source).filter(Objects::nonNull).forEach(sources::add);
            LabelledItem first = group.get(0);
            examples.add(new Example(first.criterion(), first.response(), yes, sources, first.id()));
        }
        examples.sort(Comparator.comparing(Example::criterion).thenComparing(Example::response));
        Map<String, String> q = new TreeMap<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (LabelledItem item : items) {
            counts.computeIfAbsent(item.criterion(), k -> new TreeMap<>()).merge(item.question(), 1, Integer::sum);
        }
        for (Example e : examples) {
            String given = questions.get(e.criterion());
            q.put(e.criterion(), given != null ? given : counts.get(e.criterion()).entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
        return new TrainingSet(examples, q, duplicates, conflicts);
    }

    /** Criterion ids, sorted. */
    public List<String> criteria() {
        return List.copyOf(questions.keySet());
    }

    /**
     * SHA-256 identifying the training data: of the lines {@code criterion TAB label TAB question TAB
     * reply-with-escapes} of every example, in this set's order. Independent of ids, sources and file
     * order; changes with any text, label or question.
     */
    public String sha256() {
        StringBuilder sb = new StringBuilder();
        for (Example e : examples) {
            sb.append(e.criterion()).append('\t').append(e.yes() ? "yes" : "no").append('\t')
                    .append(escape(questions.get(e.criterion()))).append('\t').append(escape(e.response()))
                    .append('\n');
        }
        return Hashing.sha256(sb.toString());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
