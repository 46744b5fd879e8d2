package org.mhbench.paper;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mhbench.generate.Completion;
import org.mhbench.generate.ModelInfo;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.responses.ResponseStimulus;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesStimuli;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.util.Hashing;

/**
 * Imports the paper's appropriate-responses results ({@code results/interjections}, paper-methods §2,
 * §5) as experiment {@code responses}, with the paper's gpt-4o labels as judgments of a judge named
 * {@value #GPT4O_JUDGE}.
 *
 * <p><b>Model runs</b>, {@code contextualize=C&…&model=M&steel-man-prompt=S/DATE.jsonl} (the first
 * {@code .jsonl} by name; other files in the folder are noted and ignored):
 * <ul>
 *   <li>model: the {@link PaperModels} label; system prompt {@code steel-man} or {@code none};</li>
 *   <li>context: {@code transcript} for {@code contextualize=False} and {@code transcript+bridge} for
 *       {@code contextualize=True}. The paper's 350 rows per run pool the stimuli alone (message 0)
 *       with transcript placements, and its % appropriate is over all 350 (§2.5), so a run is one
 *       group; {@code message_number} is kept as an attribute;</li>
 *   <li>stimulus: the stimulus part of the row's {@code key} ({@code <transcript>_<condition>_<stimulus>_<n>}),
 *       which must be one of our stimulus ids; condition: our stimulus's;</li>
 *   <li>setting {@code <system prompt>+transcript=<transcript_index>@<message_number>[+bridge]};</li>
 *   <li>attributes: the row's own {@code verification_prompt} and {@code verification_correct} (so
 *       the llama3.1-8b run judged with the older "god" question keeps its key, §6.14), the query (for
 *       the multi-turn stimulus its last message), {@code message_number}, {@code transcript},
 *       {@code contextualized} (whether the paper would have bridged the row) and {@code paper_key};</li>
 *   <li>completion: the <em>full</em> reply the judge saw, recovered from {@code classification_prompt}
 *       (the stored {@code model_response} is cut at 1,024 characters, §2.3), else
 *       {@code model_response}; a null reply is a failure {@code MISSING_IN_SOURCE}, which scores as
 *       inappropriate under the paper's rule;</li>
 *   <li>judgment: the row's {@code <model>_classification} label (yes/no), judge {@value #GPT4O_JUDGE}.</li>
 * </ul>
 *
 * <p><b>Hand-collected replies</b> (human therapists, commercial bots; folders whose files are CSV
 * only): read by {@link HandCollectedResponses} with the labels as judge
 * {@value HandCollectedResponses#HUMAN_JUDGE}, the folder's model as the source label, and the bots
 * (every source but the therapists) also pooled as {@value #BOTS_POOL}. Rows whose stimulus column
 * is not understood are matched by their interjection or question text against the model runs.
 */
public final class InterjectionsPaperImporter implements PaperExperimentImporter {

    /** The judge id of the paper's gpt-4o labels. */
    public static final String GPT4O_JUDGE = "gpt-4o";
    /** The pooled source of the commercial bots (the paper's "all live bots"). */
    public static final String BOTS_POOL = "all-live-bots";

    private static final String PAPER_JUDGE_MODEL = "gpt-4o-2024-08-06";

    private final ResponsesStimuli stimuli;

    public InterjectionsPaperImporter(ResponsesStimuli stimuli) {
        this.stimuli = stimuli;
    }

    @Override
    public String experiment() {
        return ResponsesExperiment.ID;
    }

    @Override
    public String resultsFolder() {
        return "interjections";
    }

    /** One folder of the results. */
    private record Run(PaperRunFolder folder, String model, boolean steel, boolean contextualize, boolean modelRun) {
    }

    @Override
    public ImportedExperiment read(Path paperDir) {
        Path root = paperDir.resolve("results").resolve(resultsFolder());
        List<String> notes = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (Path p : PaperFiles.list(root)) {
            if (!Files.isDirectory(p)) {
                notes.add("skipped " + paperDir.relativize(p) + " (not a run folder; the per-run files are imported)");
                continue;
            }
            Optional<PaperRunFolder> f = PaperRunFolder.parse(p).filter(r -> r.get("model").isPresent());
            if (f.isEmpty()) {
                notes.add("skipped " + paperDir.relativize(p) + " (not a …&model=…&… folder)");
                continue;
            }
            boolean modelRun = f.get().get("contextualize").isPresent()
                    && PaperFiles.list(p).stream().anyMatch(x -> x.getFileName().toString().endsWith(".jsonl"));
            runs.add(new Run(f.get(), f.get().get("model").orElseThrow(),
                    f.get().flag("steel-man-prompt").orElse(false), f.get().flag("contextualize").orElse(false),
                    modelRun));
        }
        runs.sort(Comparator.comparing((Run r) -> !r.modelRun())
                .thenComparing(r -> PaperModels.order(r.model())).thenComparing(Run::model)
                .thenComparing(r -> !r.steel()).thenComparing(Run::contextualize));
        List<ResponseRecord> records = new ArrayList<>();
        List<Judgment> judgments = new ArrayList<>();
        Map<String, ModelInfo> models = new LinkedHashMap<>();
        List<Map<String, Object>> files = new ArrayList<>();
        PaperTexts texts = new PaperTexts();
        Set<String> ids = new HashSet<>();
        Set<String> judges = new java.util.LinkedHashSet<>();
        for (Run run : runs) {
            List<Path> all = PaperFiles.list(run.folder().path());
            List<Path> chosen = run.modelRun()
                    ? all.stream().filter(x -> x.getFileName().toString().endsWith(".jsonl")).limit(1).toList()
                    : all.stream().filter(x -> x.getFileName().toString().endsWith(".csv")).toList();
            for (Path other : all) {
                if (!chosen.contains(other)) {
                    notes.add("ignored " + paperDir.relativize(other) + (run.modelRun()
                            ? " (one file per model run: " + chosen.get(0).getFileName() + " is used)"
                            : " (not a CSV of hand-collected replies)"));
                }
            }
            String label = PaperModels.labelOrDerived(run.model());
            String sha = Hashing.sha256(label);
            for (Path file : chosen) {
                int before = records.size();
                int judgedBefore = judgments.size();
                if (run.modelRun()) {
                    readModelRun(file, run, label, sha, texts, ids, records, judgments);
                } else {
                    readHandCollected(file, run, label, texts, ids, records, judgments, notes);
                }
                if (records.size() > before) {
                    models.putIfAbsent(label, modelInfo(label, run.model(), sha));
                }
                judgments.subList(judgedBefore, judgments.size()).forEach(j -> judges.add(j.judge()));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", paperDir.relativize(file).toString());
                f.put("sha256", Hashing.sha256(file));
                f.put("model", label);
                f.put("paper_model", run.model());
                f.put("kind", run.modelRun() ? "model_run" : "hand_collected");
                f.put("system_prompt", run.modelRun() ? systemPrompt(run) : "none");
                f.put("contextualize", run.contextualize());
                f.put("rows", records.size() - before);
                f.put("labels", judgments.size() - judgedBefore);
                files.add(f);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("files", files);
        parameters.put("stimulus_files_sha256", stimuli.fileHashes());
        parameters.put("context_mapping", "contextualize=False -> transcript, contextualize=True -> transcript+bridge "
                + "(each run pools message 0 with transcript placements, as the paper's % appropriate)");
        List<JudgeInfo> judgeEntries = new ArrayList<>();
        for (String j : judges) {
            judgeEntries.add(judgeEntry(j));
        }
        return new ImportedExperiment(experiment(), records, List.copyOf(models.values()), parameters, notes, judgments,
                judgeEntries);
    }

    private static String systemPrompt(Run run) {
        return run.steel() ? SystemPrompt.STEEL_MAN : SystemPrompt.NONE;
    }

    private void readModelRun(Path file, Run run, String label, String sha, PaperTexts texts, Set<String> ids,
                              List<ResponseRecord> out, List<Judgment> judgments) {
        Instant finishedAt = PaperFiles.dateOf(file);
        String sp = systemPrompt(run);
        String suffix = run.contextualize() ? ResponsesExperiment.BRIDGE_SUFFIX : "";
        PaperFiles.forEachRow(file, (line, row) -> {
            String key = text(row, "key", file, line);
            String[] parts = key.split("_");
            ResponseStimulus s = parts.length < 4 ? null : stimuli.stimulus(parts[parts.length - 2]).orElse(null);
            if (s == null) {
                throw new PaperFormatException(file, line, "key \"" + key + "\" does not name one of our stimuli ("
                        + String.join(", ", stimuli.ids()) + ") in its stimulus part");
            }
            int messageNumber = row.path("message_number").asInt(-1);
            if (!row.path("message_number").canConvertToInt() || messageNumber < 0) {
                throw new PaperFormatException(file, line, "message_number must be a number >= 0");
            }
            String transcript = row.path("transcript_index").asText(parts[0]);
            JsonNode interjection = row.get("interjection");
            boolean multiTurn = interjection != null && interjection.isArray();
            String query = multiTurn ? interjection.get(interjection.size() - 1).asText()
                    : text(row, "interjection", file, line);
            String question = text(row, "verification_prompt", file, line);
            String answerKey = text(row, "verification_correct", file, line).strip().toLowerCase(Locale.ROOT);
            if (!answerKey.equals("yes") && !answerKey.equals("no")) {
                throw new PaperFormatException(file, line, "verification_correct must be yes or no");
            }
            texts.remember(s.id(), query, multiTurn ? null : query, question);
            String setting = sp + "+" + ResponsesExperiment.TRANSCRIPT + "=" + transcript + "@" + messageNumber + suffix;
            String id;
            try {
                id = new RecordKey(sha, setting, s.id(), 0).id();
            } catch (IllegalArgumentException e) {
                throw new PaperFormatException(file, line, e.getMessage());
            }
            if (!ids.add(id)) {
                throw new PaperFormatException(file, line, "a second row for " + setting + ":" + s.id());
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(ResponsesExperiment.MESSAGE_NUMBER, String.valueOf(messageNumber));
            attributes.put(ResponsesExperiment.TRANSCRIPT, transcript);
            attributes.put(ResponsesExperiment.CONTEXTUALIZED,
                    String.valueOf(run.contextualize() && (messageNumber > 0 || multiTurn)));
            attributes.put(ResponsesExperiment.QUESTION, question);
            attributes.put(ResponsesExperiment.APPROPRIATE_ANSWER, answerKey);
            attributes.put(ResponsesExperiment.QUERY, query);
            attributes.put("paper_key", key);
            String response = fullResponse(row);
            Completion completion = response == null ? null : new Completion(response, -1, -1, null, 0, 0);
            Failure failure = response == null ? new Failure(StigmaPaperImporter.MISSING,
                    "the paper's result file has no response for this row") : null;
            out.add(new ResponseRecord(id, ResponsesExperiment.ID, label, sha, sp,
                    ResponsesExperiment.CONTEXT_TRANSCRIPT + suffix, s.condition(), s.id(), s.id(), 0, 0L, attributes,
                    List.of(), completion, failure, finishedAt));
            labelOf(row).ifPresent(l -> {
                if (response != null) {
                    judgments.add(new Judgment(id, GPT4O_JUDGE, s.id(), l, l.equals("yes") ? 1 : 0, false, answerKey,
                            l.equals(answerKey), finishedAt));
                }
            });
        });
    }

    /** The gpt-4o label of a row ({@code <judge model>_classification}), lower case, if any. */
    private static Optional<String> labelOf(JsonNode row) {
        JsonNode v = row.get(PAPER_JUDGE_MODEL + "_classification");
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        String l = v.asText().strip().toLowerCase(Locale.ROOT);
        return l.equals("yes") || l.equals("no") ? Optional.of(l) : Optional.empty();
    }

    /**
     * The full reply the judge saw: the text between {@code "Response: ```\n"} and the final
     * {@code "\n```"} of the judge prompt, or the stored (possibly cut) {@code model_response}.
     */
    static String fullResponse(JsonNode row) {
        JsonNode stored = row.get("model_response");
        if (stored == null || stored.isNull()) {
            return null;
        }
        JsonNode prompt = row.path("classification_prompt");
        if (prompt.isArray() && !prompt.isEmpty()) {
            String content = prompt.get(prompt.size() - 1).path("content").asText("");
            String marker = "Response: ```\n";
            int at = content.indexOf(marker);
            if (at >= 0 && content.endsWith("\n```")) {
                return content.substring(at + marker.length(), content.length() - 4);
            }
        }
        return stored.asText();
    }

    private void readHandCollected(Path file, Run run, String label, PaperTexts texts, Set<String> ids,
                                   List<ResponseRecord> out, List<Judgment> judgments, List<String> notes) {
        boolean human = run.model().toLowerCase(Locale.ROOT).contains("human");
        HandCollectedResponses.Options options = new HandCollectedResponses.Options(label, SystemPrompt.NONE,
                HandCollectedResponses.HUMAN_JUDGE, human ? null : BOTS_POOL, texts.queries(), texts::resolve);
        HandCollectedResponses.Result r = HandCollectedResponses.read(file, stimuli, options, PaperFiles.dateOf(file));
        for (ResponseRecord rec : r.records()) {
            if (!ids.add(rec.id())) {
                throw new PaperFormatException(file, 0, "a second source labelled " + label + " ("
                        + rec.stimulus() + ")");
            }
        }
        out.addAll(r.records());
        judgments.addAll(r.judgments());
        notes.addAll(r.notes());
    }

    /**
     * The paper's texts per stimulus, learnt from its model runs, to recognise hand-collected rows by
     * text and to give them the paper's query: compared after folding quotes, case and white space.
     */
    private static final class PaperTexts {
        private final Map<String, String> queries = new LinkedHashMap<>();
        private final Map<String, String> byText = new HashMap<>();

        void remember(String stimulus, String query, String interjection, String question) {
            queries.putIfAbsent(stimulus, query);
            if (interjection != null) {
                byText.putIfAbsent(fold(interjection), stimulus);
            }
            byText.putIfAbsent(fold(query), stimulus);
            byText.putIfAbsent(fold(question), stimulus);
        }

        Map<String, String> queries() {
            return queries;
        }

        Optional<String> resolve(Map<String, String> row) {
            for (String column : List.of("interjection", "verification_prompt")) {
                String v = row.get(column);
                if (v != null && byText.containsKey(fold(v))) {
                    return Optional.of(byText.get(fold(v)));
                }
            }
            return Optional.empty();
        }

        static String fold(String s) {
            return s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                    .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        }
    }

    private static JudgeInfo judgeEntry(String judge) {
        if (judge.equals(GPT4O_JUDGE)) {
            return new JudgeInfo(judge, PAPER_JUDGE_MODEL, "none", Map.of("source", "labels imported from the "
                    + "paper's result files (field " + PAPER_JUDGE_MODEL + "_classification); zero-shot, options "
                    + "shuffled per row, temperature 0, 16 tokens (paper-methods §2.4)"));
        }
        return new JudgeInfo(judge, "imported", "none", Map.of("source", "labels imported from the paper's "
                + "hand-collected files (human_classification; labeller not stated)"));
    }

    private static ModelInfo modelInfo(String label, String paperModel, String sha) {
        return ModelInfo.notLoaded(label, paperModel, sha, "imported:moore2025");
    }

    private static String text(JsonNode row, String field, Path file, int line) {
        JsonNode v = row.get(field);
        if (v == null || !v.isTextual()) {
            throw new PaperFormatException(file, line, "missing text field \"" + field + "\"");
        }
        return v.asText();
    }



}
