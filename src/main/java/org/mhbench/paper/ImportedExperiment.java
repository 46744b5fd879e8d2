package org.mhbench.paper;

import java.util.List;
import java.util.Map;
import org.mhbench.generate.ModelInfo;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;

/**
 * What an importer made of one experiment's folder.
 *
 * @param experiment experiment id
 * @param records    one record per source row, in source order
 * @param models     one entry per model label, in first-seen order
 * @param parameters facts for the manifest (files used and their hashes, duplicates ignored, …)
 * @param notes      lines for people: files skipped or ignored, and why
 * @param judgments  labels that came with the rows (e.g. the paper's gpt-4o judge, human labels), written
 *                   to {@code judgments.jsonl}; empty for experiments without a judge stage
 * @param judges     one manifest entry per judge in {@code judgments} (id, version, details)
 */
public record ImportedExperiment(String experiment, List<ResponseRecord> records, List<ModelInfo> models,
                                 Map<String, Object> parameters, List<String> notes, List<Judgment> judgments,
                                 List<JudgeInfo> judges) {

    public ImportedExperiment {
        records = List.copyOf(records);
        models = List.copyOf(models);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        notes = List.copyOf(notes);
        judgments = List.copyOf(judgments);
        judges = List.copyOf(judges);
    }

    /** An import without judgments. */
    public ImportedExperiment(String experiment, List<ResponseRecord> records, List<ModelInfo> models,
                              Map<String, Object> parameters, List<String> notes) {
        this(experiment, records, models, parameters, notes, List.of(), List.of());
    }
}
