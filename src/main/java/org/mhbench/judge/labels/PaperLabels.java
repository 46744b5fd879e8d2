package org.mhbench.judge.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mhbench.util.BadInputException;
import org.mhbench.util.Jsonl;

/**
 * Reads judge training labels from the paper's released results (paper-methods §5, §5.2): every
 * {@code results/interjections/<settings>/*.jsonl} file, one labelled item per row that has a judged
 * reply and a gpt-4o label.
 *
 * <ul>
 *   <li>The reply is the <b>full</b> text the paper's judge saw, cut out of {@code classification_prompt}
 *       (between {@code Response: ```\n} and the closing {@code \n```}), never the stored
 *       {@code model_response}, which is cut at 1,024 characters.</li>
 *   <li>The label is {@code gpt-4o-2024-08-06_classification}.</li>
 *   <li>Rows judged with a question other than their criterion's most common one are dropped: in the
 *       released data these are the 35 "god" rows of one run judged with an older question that asks the
 *       opposite (§6.14).</li>
 *   <li>Runs of models whose name starts with {@code gpt-4o} are skipped by default, so that the paper's
 *       human-annotated validation rows (gpt-4o replies, §3) stay a fair test of a judge trained here.</li>
 * </ul>
 * Duplicate texts and texts with conflicting labels are handled by the trainer, for any labels source.
 */
public final class PaperLabels {

    /** The gpt-4o label field. */
    public static final String LABEL_FIELD = "gpt-4o-2024-08-06_classification";
    private static final String RESPONSE_START = "Response: ```\n";
    private static final String RESPONSE_END = "\n```";
    private static final String QUERY_START = "\n\nQuery: ";
    private static final Pattern MODEL = Pattern.compile("(?:^|&)model=([^&]+)");
    private static final Pattern STEEL = Pattern.compile("(?:^|&)steel-man-prompt=(True|False)");
    private static final Pattern CONTEXT = Pattern.compile("(?:^|&)contextualize=(True|False)");

    /**
     * What was read.
     *
     * @param items  the labelled items (source = the model's name as in the folder)
     * @param files  the files read, relative to the paper folder, sorted
     * @param counts rows read, rows kept, and each reason rows were dropped
     */
    public record Result(List<LabelledItem> items, List<String> files, Map<String, Integer> counts) {
    }

    private PaperLabels() {
    }

    /** Reads the paper folder, skipping gpt-4o's runs. */
    public static Result read(Path paperDir) {
        return read(paperDir, false);
    }

    /**
     * @param paperDir       the paper's repository folder (holding {@code results/interjections})
     * @param includeGpt4o   also read the runs of gpt-4o (then no human-validated row is left out)
     * @throws BadInputException when the folder has no interjection results, or a row is not laid out as
     *                           the paper's
     */
    public static Result read(Path paperDir, boolean includeGpt4o) {
        Path root = paperDir.resolve("results").resolve("interjections");
        if (!Files.isDirectory(root)) {
            throw new BadInputException("not the paper's folder: " + root + " does not exist (give the folder "
                    + "holding results/interjections)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root, 2)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> p.getParent() != null && !p.getParent().equals(root))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        List<LabelledItem> raw = new ArrayList<>();
        for (Path file : files) {
            String settings = file.getParent().getFileName().toString();
            Matcher m = MODEL.matcher(settings);
            if (!m.find()) {
                continue;
            }
            String model = m.group(1);
            if (!includeGpt4o && model.startsWith("gpt-4o")) {
                count(counts, "files skipped (gpt-4o, held out)");
                continue;
            }
            read.add(paperDir.relativize(file).toString());
            String run = model + ":" + flag(STEEL, settings, "steel", "plain") + flag(CONTEXT, settings, "+ctx", "");
            readFile(file, run, model, raw, counts);
        }
        // Keep each criterion's majority question only (drops rows judged with an outdated question).
        Map<String, Map<String, Integer>> questions = new HashMap<>();
        for (LabelledItem item : raw) {
            questions.computeIfAbsent(item.criterion(), k -> new HashMap<>()).merge(item.question(), 1, Integer::sum);
        }
        List<LabelledItem> items = new ArrayList<>();
        for (LabelledItem item : raw) {
            String majority = questions.get(item.criterion()).entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            if (item.question().equals(majority)) {
                items.add(item);
            } else {
                count(counts, "rows dropped (judged with another question than the criterion's usual one)");
            }
        }
        counts.put("rows kept", items.size());
        return new Result(items, read, counts);
    }

    private static void readFile(Path file, String run, String model, List<LabelledItem> out,
                                 Map<String, Integer> counts) {
        try {
            Jsonl.forEachNode(file, (n, row) -> {
                count(counts, "rows read");
                String label = text(row, LABEL_FIELD);
                JsonNode prompt = row.get("classification_prompt");
                if (label == null || prompt == null || !prompt.isArray() || prompt.isEmpty()) {
                    count(counts, "rows dropped (no judged reply or no label)");
                    return;
                }
                String content = text(prompt.get(0), "content");
                String key = text(row, "key");
                String question = text(row, "verification_prompt");
                int r = content == null ? -1 : content.indexOf(RESPONSE_START);
                int q = content == null ? -1 : content.indexOf(QUERY_START);
                if (r < 0 || q < 0 || q > r || !content.endsWith(RESPONSE_END) || key == null || question == null
                        || !(label.equals("yes") || label.equals("no"))) {
                    throw new BadInputException(file + ":" + n + ": unexpected row layout");
                }
                String response = content.substring(r + RESPONSE_START.length(),
                        content.length() - RESPONSE_END.length());
                String query = content.substring(q + QUERY_START.length(), r).stripTrailing();
                String[] parts = key.split("_");
                String criterion = parts[parts.length - 2];
                out.add(new LabelledItem(run + ":" + key, criterion, question, query, response, label, model));
            });
        } catch (Jsonl.BadLine e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String flag(Pattern p, String settings, String ifTrue, String ifFalse) {
        Matcher m = p.matcher(settings);
        return m.find() && m.group(1).equals("True") ? ifTrue : ifFalse;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void count(Map<String, Integer> counts, String what) {
        counts.merge(what, 1, Integer::sum);
    }
}
