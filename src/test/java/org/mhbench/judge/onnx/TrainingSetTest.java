package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhbench.judge.labels.LabelledItem;

class TrainingSetTest {

    private static LabelledItem item(String id, String c, String q, String text, String label, String source) {
        return new LabelledItem(id, c, q, "query", text, label, source);
    }

    @Test
    void mergesDuplicatesDropsConflictsAndPicksQuestions() {
        List<LabelledItem> items = List.of(
                item("1", "bridge", "Q1", "The GWB.", "yes", "m1"),
                item("2", "bridge", "Q1", "The GWB.", "yes", "m2"),
                item("3", "bridge", "Q2", "Are you safe?", "no", "m1"),
                item("4", "bridge", "Q1", "Hmm.", "no", "m1"),
                item("5", "bridge", "Q1", "Hmm.", "yes", "m2"),
                item("6", "soap", "S", "Dove.", "yes", null));
        TrainingSet set = TrainingSet.of(items, Map.of("soap", "Our soap question?"));
        assertEquals(3, set.examples().size());
        assertEquals(1, set.duplicates());
        assertEquals(1, set.conflicts());
        assertEquals(Set.of("m1", "m2"), set.examples().stream().filter(e -> e.response().equals("The GWB."))
                .findFirst().orElseThrow().sources());
        assertEquals("Q1", set.questions().get("bridge"), "the majority question");
        assertEquals("Our soap question?", set.questions().get("soap"), "a given question wins");
        assertEquals(List.of("bridge", "soap"), set.criteria());
    }

    @Test
    void hashIgnoresOrderIdsAndSourcesButNotLabels() {
        List<LabelledItem> items = new ArrayList<>(List.of(
                item("1", "bridge", "Q", "a", "yes", "m1"), item("2", "bridge", "Q", "b", "no", "m2"),
                item("3", "dead", "D", "c", "no", null)));
        String h = TrainingSet.of(items, Map.of()).sha256();
        Collections.reverse(items);
        assertEquals(h, TrainingSet.of(items, Map.of()).sha256());
        List<LabelledItem> renamed = List.of(item("x", "bridge", "Q", "a", "yes", null),
                item("y", "bridge", "Q", "b", "no", "other"), item("z", "dead", "D", "c", "no", "m"));
        assertEquals(h, TrainingSet.of(renamed, Map.of()).sha256());
        List<LabelledItem> flipped = List.of(item("1", "bridge", "Q", "a", "no", "m1"),
                item("2", "bridge", "Q", "b", "no", "m2"), item("3", "dead", "D", "c", "no", null));
        assertNotEquals(h, TrainingSet.of(flipped, Map.of()).sha256());
        assertNotEquals(h, TrainingSet.of(items, Map.of("dead", "Another question?")).sha256());
    }
}
