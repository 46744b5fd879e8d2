package org.mhbench.paper;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mhbench.generate.Completion;
import org.mhbench.responses.ResponseStimulus;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.score.responses.ResponsesScorer;
import org.mhbench.util.Hashing;

/**
 * Reads hand-collected replies to the appropriate-responses stimuli (people, or chatbots queried by
 * hand, as the paper's human-therapist and commercial-bot files, paper-methods §2.6) into records,
 * and their labels, if any, into judgments, so they can be judged and scored beside models.
 *
 * <p>A file is CSV (with a header row; a UTF-8 BOM is ignored) or JSON Lines ({@code .jsonl}, one
 * object per line) with these columns, the paper's names accepted as aliases:
 * <table>
 *   <caption>columns</caption>
 *   <tr><th>column (alias)</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>{@code stimulus} ({@code id})</td><td>yes</td><td>a stimulus id of {@code stimuli/responses}, or a
 *       paper key such as {@code 1339_mania_jump_50} (its stimulus part is used)</td></tr>
 *   <tr><td>{@code response} ({@code model_response})</td><td>yes</td><td>the reply; empty means no reply (a
 *       failure, inappropriate under the paper's rule). Any text counts, even {@code None}: the paper
 *       labelled three bots' {@code None} replies as appropriate (§6.15)</td></tr>
 *   <tr><td>{@code label} ({@code human_classification})</td><td>no</td><td>{@code yes}/{@code no}, the labeller's
 *       answer to the question; becomes a judgment by the label judge (default {@code human})</td></tr>
 *   <tr><td>{@code question} ({@code verification_prompt})</td><td>no</td><td>the question the label answers
 *       (default: the stimulus's)</td></tr>
 *   <tr><td>{@code appropriate_answer} ({@code verification_correct})</td><td>no</td><td>the answer that counts as
 *       appropriate for this row (default: the stimulus's). A file's own answer key wins, so rows
 *       labelled against an older question keep the key they were labelled with</td></tr>
 *   <tr><td>{@code query} ({@code interjection})</td><td>no</td><td>the client message the reply answers
 *       (default: the stimulus's last client turn). A list-shaped value ({@code [...]}) is ignored</td></tr>
 *   <tr><td>{@code source}</td><td>no</td><td>the source label of this row (default: the file's)</td></tr>
 *   <tr><td>{@code participant} ({@code participant_id})</td><td>no</td><td>kept as an attribute</td></tr>
 * </table>
 * Other columns are ignored (and named in a note). Rows become records of experiment
 * {@code responses}, context {@code none}, message 0, sample = the row's position among its source's
 * rows for the same stimulus; the source label is the model and the SHA-256 of the label stands for a
 * model file.
 */
public final class HandCollectedResponses {

    /** The judge id of labels from hand-collected files, unless told otherwise. */
    public static final String HUMAN_JUDGE = "human";

    private static final Map<String, String> ALIASES = Map.of(
            "id", "stimulus", "model_response", "response", "human_classification", "label",
            "verification_prompt", "question", "verification_correct", "appropriate_answer", "interjection", "query",
            "participant_id", "participant");
    private static final Set<String> COLUMNS = Set.of("stimulus", "response", "label", "question",
            "appropriate_answer", "query", "source", "participant");

    /**
     * How to read a file.
     *
     * @param source       the source label of rows without a {@code source} column
     * @param systemPrompt the system-prompt label of the records (default {@code none})
     * @param judge        the judge id of the labels (default {@link #HUMAN_JUDGE})
     * @param pool         a pooled source the rows also count towards (e.g. {@code all-live-bots}), or {@code null}
     * @param queries      stimulus id → query to use when a row has none (e.g. the paper's wording), may be empty
     * @param resolver     a last resort that names the stimulus of a row whose stimulus column is not
     *                     understood (row as column → value), or {@code null}
     */
    public record Options(String source, String systemPrompt, String judge, String pool, Map<String, String> queries,
                          Function<Map<String, String>, Optional<String>> resolver) {

        public Options {
            Objects.requireNonNull(source, "source");
            systemPrompt = systemPrompt == null ? "none" : systemPrompt;
            judge = judge == null ? HUMAN_JUDGE : judge;
            queries = queries == null ? Map.of() : Map.copyOf(queries);
        }

        public static Options of(String source) {
            return new Options(source, null, null, null, Map.of(), null);
        }
    }

    /**
     * What a file held.
     *
     * @param lines the 1-based line each record starts on, in record order
     */
    public record Result(List<ResponseRecord> records, List<Judgment> judgments, List<String> notes,
                         List<Integer> lines) {
        public Result {
            records = List.copyOf(records);
            judgments = List.copyOf(judgments);
            notes = List.copyOf(notes);
            lines = List.copyOf(lines);
            if (lines.size() != records.size()) {
                throw new IllegalArgumentException("one line per record");
            }
        }
    }

    private HandCollectedResponses() {
    }

    /**
     * Reads one file.
     *
     * @param finishedAt the time stamp of the records (e.g. the collection date)
     * @throws PaperFormatException naming file and line for an unknown stimulus, a bad label or answer,
     *                              or a missing required column
     */
    public static Result read(Path file, ResponsesStimuli stimuli, Options options, Instant finishedAt) {
        List<Row> rows = file.getFileName().toString().endsWith(".jsonl") ? jsonRows(file) : csvRows(file);
        List<String> notes = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        List<ResponseRecord> records = new ArrayList<>();
        List<Judgment> judgments = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> samples = new HashMap<>();
        for (Row raw : rows) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : raw.values().entrySet()) {
                String name = ALIASES.getOrDefault(e.getKey(), e.getKey());
                if (COLUMNS.contains(name)) {
                    if (row.containsKey(name)) {
                        throw new PaperFormatException(file, raw.line(), "two columns mean \"" + name + "\"");
                    }
                    row.put(name, e.getValue());
                } else {
                    ignored.add(e.getKey());
                }
            }
            records.add(record(file, raw.line(), row, raw.values(), stimuli, options, finishedAt, samples, judgments));
            lines.add(raw.line());
        }
        if (!ignored.isEmpty()) {
            notes.add(file.getFileName() + ": ignored columns " + String.join(", ", ignored));
        }
        return new Result(records, judgments, notes, lines);
    }

    private static ResponseRecord record(Path file, int line, Map<String, String> row, Map<String, String> raw,
                                         ResponsesStimuli stimuli, Options options, Instant finishedAt,
                                         Map<String, Integer> samples, List<Judgment> judgments) {
        String given = row.get("stimulus");
        if (given == null) {
            throw new PaperFormatException(file, line, "no \"stimulus\" (or \"id\") column");
        }
        if (!row.containsKey("response")) {
            throw new PaperFormatException(file, line, "no \"response\" (or \"model_response\") column");
        }
        ResponseStimulus s = stimulus(given, stimuli)
                .or(() -> options.resolver() == null ? Optional.empty()
                        : options.resolver().apply(raw).flatMap(stimuli::stimulus))
                .orElseThrow(() -> new PaperFormatException(file, line, "unknown stimulus \"" + given
                        + "\" (known: " + String.join(", ", stimuli.ids()) + ")"));
        String source = nonBlank(row.get("source")).orElse(options.source());
        String answerKey = nonBlank(row.get("appropriate_answer")).map(v -> yesNo(v, file, line, "appropriate_answer"))
                .orElse(s.appropriateAnswer());
        String query = nonBlank(row.get("query")).filter(q -> !(q.strip().startsWith("[") && q.strip().endsWith("]")))
                .orElse(options.queries().getOrDefault(s.id(), s.query()));
        String sha = Hashing.sha256(source);
        int sample = samples.merge(source + "\u0000" + s.id(), 1, Integer::sum) - 1;
        String id;
        try {
            id = new RecordKey(sha, options.systemPrompt(), s.id(), sample).id();
        } catch (IllegalArgumentException e) {
            throw new PaperFormatException(file, line, e.getMessage());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ResponsesExperiment.MESSAGE_NUMBER, "0");
        attributes.put(ResponsesExperiment.TRANSCRIPT, "none");
        attributes.put(ResponsesExperiment.CONTEXTUALIZED, "false");
        attributes.put(ResponsesExperiment.QUESTION, nonBlank(row.get("question")).orElse(s.question()));
        attributes.put(ResponsesExperiment.APPROPRIATE_ANSWER, answerKey);
        attributes.put(ResponsesExperiment.QUERY, query);
        nonBlank(row.get("participant")).ifPresent(p -> attributes.put("participant", p));
        if (options.pool() != null) {
            attributes.put(ResponsesScorer.POOL, options.pool());
        }
        String response = row.get("response");
        Completion completion = null;
        Failure failure = null;
        if (response == null || response.isBlank()) {
            failure = new Failure(StigmaPaperImporter.MISSING, "the file has no response in this row");
        } else {
            completion = new Completion(response, -1, -1, null, 0, 0);
        }
        Optional<String> label = nonBlank(row.get("label")).map(v -> yesNo(v, file, line, "label"));
        if (label.isPresent() && completion != null) {
            judgments.add(new Judgment(id, options.judge(), s.id(), label.get(), label.get().equals("yes") ? 1 : 0,
                    false, answerKey, label.get().equals(answerKey), finishedAt));
        }
        return new ResponseRecord(id, ResponsesExperiment.ID, source, sha, options.systemPrompt(),
                ResponsesExperiment.CONTEXT_NONE, s.condition(), s.id(), s.id(), sample, 0L, attributes, List.of(),
                completion, failure, finishedAt);
    }

    /** The stimulus a value names: a stimulus id, or a paper key whose parts include one (searched from the end). */
    static Optional<ResponseStimulus> stimulus(String value, ResponsesStimuli stimuli) {
        String v = value.strip();
        Optional<ResponseStimulus> direct = stimuli.stimulus(v.toLowerCase(Locale.ROOT));
        if (direct.isPresent()) {
            return direct;
        }
        String[] parts = v.split("_");
        for (int i = parts.length - 1; i >= 0; i--) {
            Optional<ResponseStimulus> s = stimuli.stimulus(parts[i].strip().toLowerCase(Locale.ROOT));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static String yesNo(String value, Path file, int line, String column) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("yes") && !v.equals("no")) {
            throw new PaperFormatException(file, line, column + " is \"" + value + "\", expected yes or no");
        }
        return v;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** A row as column name → text, with its 1-based line (the line where the CSV record starts). */
    private record Row(int line, Map<String, String> values) {
    }

    private static String text(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Row> csvRows(Path file) {
        List<Row> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = new StringReader(text(file)); CSVParser p = format.parse(r)) {
            List<String> header = p.getHeaderNames();
            long end = p.getCurrentLineNumber();
            for (CSVRecord c : p) {
                int line = (int) end + 1; // the record starts after the line where the previous one ended
                end = p.getCurrentLineNumber();
                if (!c.isConsistent()) {
                    throw new PaperFormatException(file, line, "has " + c.size() + " fields; the header has "
                            + header.size());
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i).strip(), c.get(i));
                }
                out.add(new Row(line, values));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PaperFormatException(file, 0, "not a CSV file: " + e.getMessage());
        } catch (PaperFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a header it cannot use (an empty or repeated column name)
            throw new PaperFormatException(file, 1, "not a CSV header: " + e.getMessage().replaceAll("\\p{Cntrl}", "?")
                    + "; the first line must name the columns, e.g. stimulus,response,label");
        }
        return out;
    }

    /**
     * Why {@code file} gave no rows, as {@code FILE[:LINE]: reason}: it is empty, holds only blank lines,
     * its first line is not a header naming the required columns (another table, or not a table at all),
     * or it is a header with nothing after it.
     */
    public static String whyNoRows(Path file) {
        String text = text(file);
        if (text.isEmpty()) {
            return file + ": the file is empty";
        }
        if (text.isBlank()) {
            return file + ": it holds only blank lines";
        }
        if (file.getFileName().toString().endsWith(".jsonl")) {
            return file + ": it holds no JSON lines";
        }
        List<String> header;
        try (Reader r = new StringReader(text);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            header = p.getHeaderNames();
        } catch (IOException | IllegalArgumentException e) {
            return file + ":1: not a CSV header: " + e.getMessage();
        }
        Set<String> names = new LinkedHashSet<>();
        header.forEach(h -> names.add(ALIASES.getOrDefault(h.strip(), h.strip())));
        for (String[] required : new String[][] {{"stimulus", "id"}, {"response", "model_response"}}) {
            if (!names.contains(required[0])) {
                List<String> shown = header.stream().limit(5).map(h -> h.replaceAll("\\p{Cntrl}", "?"))
                        .map(h -> h.length() > 30 ? h.substring(0, 29) + "…" : h).toList();
                return file + ":1: the header has no \"" + required[0] + "\" (or \"" + required[1] + "\") column "
                        + "(it reads: " + String.join(", ", shown) + (header.size() > 5 ? ", …" : "") + "); the "
                        + "first line must name the columns, e.g. stimulus,response,label";
            }
        }
        return file + ":1: a header with no rows after it";
    }

    private static List<Row> jsonRows(Path file) {
        List<Row> out = new ArrayList<>();
        PaperFiles.forEachRow(file, (line, node) -> {
            Map<String, String> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                values.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
            out.add(new Row(line, values));
        });
        return out;
    }
}
