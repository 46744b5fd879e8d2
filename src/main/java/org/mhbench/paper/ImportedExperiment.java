package org.mhbench.paper;

import java.util.List;
import java.util.Map;
import org.mhbench.generate.ModelInfo;
import org.mhbench.run.ResponseRecord;

/**
 * What an importer made of one experiment's folder.
 *
 * @param experiment experiment id
 * @param records    one record per source row, in source order
 * @param models     one entry per model label, in first-seen order
 * @param parameters facts for the manifest (files used and their hashes, duplicates ignored, …)
 * @param notes      lines for people: files skipped or ignored, and why
 */
public record ImportedExperiment(String experiment, List<ResponseRecord> records, List<ModelInfo> models,
                                 Map<String, Object> parameters, List<String> notes) {

    public ImportedExperiment {
        records = List.copyOf(records);
        models = List.copyOf(models);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        notes = List.copyOf(notes);
    }
}
