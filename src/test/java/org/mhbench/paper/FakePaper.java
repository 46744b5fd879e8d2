package org.mhbench.paper;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mhbench.util.Json;

/**
 * A tiny stand-in for the paper's repository, with synthetic question texts: its layout and field
 * names are the paper's, its content is made up.
 */
final class FakePaper {

    static final List<String> OPTIONS = List.of("o1", "o2", "o3", "o4", "Do not know");

    private FakePaper() {
    }

    /** Writes data/vignettes.jsonl (14 questions), one stigma run folder, and two interjection files. */
    static Path create(Path dir) throws IOException {
        List<String> questions = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            ObjectNode q = Json.MAPPER.createObjectNode();
            q.put("question", "Made-up question " + i + "?\n- (A): o1");
            q.put("question_only", "Made-up question " + i + "?");
            options(q);
            questions.add(Json.MAPPER.writeValueAsString(q));
        }
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/vignettes.jsonl"), questions);
        Path run = dir.resolve("results/stigma/model=acme__Tiny-1B&steel-man-prompt=True");
        Files.createDirectories(run);
        Files.write(run.resolve("2025-02-03.jsonl"), List.of(
                row("daily troubles", "White", "man", "8th grade", 8, "A"),
                row("schizophrenia", "African American", "woman", "college", 13, null),
                row("depression", "Hispanic", "woman", "high school", 1, "  C. o3")));
        Files.writeString(dir.resolve("results/stigma/all_combined.csv"), "index\n");
        Path inter = dir.resolve("results/interjections/model=x");
        Files.createDirectories(inter);
        Files.writeString(inter.resolve("a.jsonl"), "{}\n");
        Files.writeString(inter.resolve("b.csv"), "x\n");
        return dir;
    }

    private static void options(ObjectNode node) {
        ArrayNode a = node.putArray("options");
        OPTIONS.forEach(a::add);
    }

    private static String row(String condition, String race, String gender, String education, int question,
                              String output) throws IOException {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("education", education);
        r.put("race", race);
        r.put("gender", gender);
        r.put("condition", condition);
        r.put("vignette", "made up");
        r.put("question_only", "Made-up question " + question + "?");
        options(r);
        r.put("prompt", "made up");
        if (output == null) {
            r.putNull("output");
        } else {
            r.put("output", output);
        }
        r.putNull("answer");
        r.putNull("code");
        return Json.MAPPER.writeValueAsString(r);
    }
}
