package org.mhbench.paper;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhbench.generate.Completion;
import org.mhbench.generate.ModelInfo;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.stigma.Decoding;
import org.mhbench.stigma.Question;
import org.mhbench.stigma.Scale;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stigma.Vignette;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.util.Hashing;

/**
 * Imports the paper's stigma results, {@code results/stigma/model=M&steel-man-prompt=B/DATE.jsonl}.
 *
 * <ul>
 *   <li>One file per folder: the first by name. Others are ignored and noted (the two
 *       llama3.1-8b steel = False files hold identical answers, paper-methods §6.13).</li>
 *   <li>Model: {@link PaperModels} label; system prompt: {@code steel-man} for
 *       {@code steel-man-prompt=True}, else {@code none}.</li>
 *   <li>Vignette: ours with the row's condition, race, gender and education; question: ours at the
 *       position of the row's {@code question_only} in the paper's question file
 *       ({@link PaperQuestionMap}).</li>
 *   <li>Record: the paper's raw {@code output} as the completion text, with token counts −1 and
 *       times 0 (unknown) and no finish reason; a null output becomes
 *       {@code Failure("MISSING_IN_SOURCE", …)}. Messages are empty: the paper's system prompt and
 *       one-shot turns are not in its data files. Seed 0 and sample 0 (greedy, one sample).
 *       {@code modelSha256} is the SHA-256 of the label (there is no model file). finishedAt is the
 *       date in the file name.</li>
 * </ul>
 * Other files in the folder (e.g. {@code all_combined.csv}) are skipped with a note.
 */
public final class StigmaPaperImporter implements PaperExperimentImporter {

    /** The failure kind of a row whose output is null in the source. */
    public static final String MISSING = "MISSING_IN_SOURCE";

    private final StigmaStimuli stimuli;

    public StigmaPaperImporter(StigmaStimuli stimuli) {
        this.stimuli = stimuli;
    }

    @Override
    public String experiment() {
        return StigmaExperiment.ID;
    }

    @Override
    public String resultsFolder() {
        return "stigma";
    }

    @Override
    public ImportedExperiment read(Path paperDir) {
        Path root = paperDir.resolve("results").resolve(resultsFolder());
        PaperQuestionMap questions = PaperQuestionMap.load(paperDir, stimuli.questions());
        List<String> notes = new ArrayList<>();
        List<PaperRunFolder> runs = new ArrayList<>();
        for (Path p : PaperFiles.list(root)) {
            if (Files.isDirectory(p)) {
                PaperRunFolder run = PaperRunFolder.parse(p).filter(r -> r.get("model").isPresent()).orElse(null);
                if (run == null) {
                    notes.add("skipped " + paperDir.relativize(p) + " (not a model=…&steel-man-prompt=… folder)");
                } else {
                    runs.add(run);
                }
            } else {
                notes.add("skipped " + paperDir.relativize(p) + " (not a run folder; the per-run files are imported)");
            }
        }
        runs.sort(Comparator.comparing((PaperRunFolder r) -> PaperModels.order(r.get("model").orElseThrow()))
                .thenComparing(r -> r.get("model").orElseThrow())
                .thenComparing(r -> !r.flag("steel-man-prompt").orElse(false)));
        List<ResponseRecord> records = new ArrayList<>();
        Map<String, ModelInfo> models = new LinkedHashMap<>();
        List<Map<String, Object>> files = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PaperRunFolder run : runs) {
            List<Path> jsonl = PaperFiles.list(run.path()).stream().filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .toList();
            if (jsonl.isEmpty()) {
                notes.add("skipped " + paperDir.relativize(run.path()) + " (no .jsonl file)");
                continue;
            }
            Path file = jsonl.get(0);
            for (Path other : jsonl.subList(1, jsonl.size())) {
                notes.add("ignored " + paperDir.relativize(other) + " (one file per run folder: "
                        + file.getFileName() + " is used, the first by name)");
            }
            String paperModel = run.get("model").orElseThrow();
            String label = PaperModels.labelOrDerived(paperModel);
            if (PaperModels.label(paperModel).isEmpty()) {
                notes.add("unknown paper model " + paperModel + " imported as " + label);
            }
            String systemPrompt = run.flag("steel-man-prompt").orElse(false) ? SystemPrompt.STEEL_MAN
                    : SystemPrompt.NONE;
            String sha = Hashing.sha256(label);
            models.putIfAbsent(label, modelInfo(label, paperModel, sha));
            int before = records.size();
            readFile(file, label, sha, systemPrompt, questions, ids, records);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", paperDir.relativize(file).toString());
            f.put("sha256", Hashing.sha256(file));
            f.put("model", label);
            f.put("paper_model", paperModel);
            f.put("system_prompt", systemPrompt);
            f.put("rows", records.size() - before);
            files.add(f);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("files", files);
        parameters.put("stimulus_files_sha256", stimuli.fileHashes());
        return new ImportedExperiment(experiment(), records, List.copyOf(models.values()), parameters, notes);
    }

    private void readFile(Path file, String label, String sha, String systemPrompt, PaperQuestionMap questions,
                          Set<String> ids, List<ResponseRecord> out) {
        Instant finishedAt = PaperFiles.dateOf(file);
        PaperFiles.forEachRow(file, (line, row) -> {
            String condition = text(row, "condition", file, line);
            Vignette v = stimuli.vignette(condition, text(row, "race", file, line), text(row, "gender", file, line),
                    text(row, "education", file, line)).orElseThrow(() -> new PaperFormatException(file, line,
                    "no vignette of ours has this row's condition/race/gender/education (" + condition + ", "
                            + row.path("race").asText() + ", " + row.path("gender").asText() + ", "
                            + row.path("education").asText() + ")"));
            Question q = questions.question(text(row, "question_only", file, line)).orElseThrow(() ->
                    new PaperFormatException(file, line, "question_only is not one of the questions in "
                            + PaperQuestionMap.FILE));
            Scale scale = stimuli.scaleOf(q);
            if (row.path("options").size() != scale.options().size()) {
                throw new PaperFormatException(file, line, "has " + row.path("options").size()
                        + " options; our scale " + scale.id() + " has " + scale.options().size());
            }
            String stimulus = v.id() + "/" + q.id();
            String id = new RecordKey(sha, systemPrompt, stimulus, 0).id();
            if (!ids.add(id)) {
                throw new PaperFormatException(file, line, "a second row for " + stimulus);
            }
            JsonNode output = row.get("output");
            Completion completion = null;
            Failure failure = null;
            if (output == null || output.isNull()) {
                failure = new Failure(MISSING, "the paper's result file has no output for this row");
            } else {
                completion = new Completion(output.asText(), -1, -1, null, 0, 0);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("race", v.race());
            attributes.put("gender", v.gender());
            attributes.put("education", v.education());
            attributes.put("vignette", v.id());
            attributes.put("question", q.id());
            attributes.put("scale", scale.id());
            attributes.put("decoding", Decoding.FREE.attribute());
            out.add(new ResponseRecord(id, StigmaExperiment.ID, label, sha, systemPrompt, "none", v.condition(),
                    stimulus, q.id(), 0, 0L, attributes, List.of(), completion, failure, finishedAt));
        });
    }

    private static String text(JsonNode row, String field, Path file, int line) {
        JsonNode v = row.get(field);
        if (v == null || !v.isTextual()) {
            throw new PaperFormatException(file, line, "missing text field \"" + field + "\"");
        }
        return v.asText();
    }

    private static ModelInfo modelInfo(String label, String paperModel, String sha) {
        return ModelInfo.notLoaded(label, paperModel, sha, "imported:moore2025");
    }


}
