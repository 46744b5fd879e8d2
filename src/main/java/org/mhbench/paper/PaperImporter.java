package org.mhbench.paper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mhbench.Version;
import org.mhbench.generate.ModelInfo;
import org.mhbench.runfolder.GitInfo;
import org.mhbench.runfolder.HostInfo;
import org.mhbench.runfolder.Judgment;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RunParameters;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * Turns the paper's released results into an mhbench run folder ({@code manifest.json},
 * {@code responses.jsonl}, and {@code judgments.jsonl} for labels that came with the rows), so that {@code mhbench score} treats them like any run. Each folder under
 * {@code PAPER_DIR/results} is read by the {@link PaperExperimentImporter} registered for it; folders
 * without one are skipped and counted ("skipped 20 interjection files (not yet supported)").
 */
public final class PaperImporter {

    /** What an import did. */
    public record Result(Path runDir, List<String> experiments, long records, long failures, List<String> notes) {
        public Result {
            experiments = List.copyOf(experiments);
            notes = List.copyOf(notes);
        }
    }

    private final List<PaperExperimentImporter> importers;

    public PaperImporter(List<PaperExperimentImporter> importers) {
        this.importers = List.copyOf(importers);
    }

    /**
     * Imports everything supported from {@code paperDir} into the new run folder {@code outDir}.
     *
     * @param command the command line, for the manifest
     * @throws org.mhbench.util.BadInputException when {@code outDir} already holds files, or
     *                                             {@code paperDir} is not the paper's repository
     */
    public Result run(Path paperDir, Path outDir, List<String> command) throws IOException {
        Path results = paperDir.resolve("results");
        if (!Files.isDirectory(results)) {
            throw new PaperFormatException(paperDir, 0, "has no results folder; give the paper repository's folder "
                    + "(the one holding data/ and results/)");
        }
        if (Files.exists(outDir) && (!Files.isDirectory(outDir) || !isEmpty(outDir))) {
            throw new org.mhbench.util.BadInputException(outDir + " already exists and is not an empty folder; "
                    + "choose a new --out folder");
        }
        Instant started = Instant.now();
        List<String> notes = new ArrayList<>();
        List<ImportedExperiment> imported = new ArrayList<>();
        for (Path folder : PaperFiles.list(results)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String name = folder.getFileName().toString();
            PaperExperimentImporter importer = importers.stream().filter(i -> i.resultsFolder().equals(name))
                    .findFirst().orElse(null);
            if (importer == null) {
                notes.add("skipped " + countFiles(folder) + " " + singular(name) + " files (not yet supported)");
                continue;
            }
            ImportedExperiment e = importer.read(paperDir);
            imported.add(e);
            notes.addAll(e.notes());
        }
        if (imported.isEmpty()) {
            throw new PaperFormatException(results, 0, "no supported results folder (supported: "
                    + importers.stream().map(PaperExperimentImporter::resultsFolder).toList() + ")");
        }
        RunDirectory dir = RunDirectory.create(outDir);
        List<ResponseRecord> records = new ArrayList<>();
        List<Judgment> judgments = new ArrayList<>();
        List<JudgeInfo> judges = new ArrayList<>();
        Map<String, ModelInfo> models = new LinkedHashMap<>();
        Map<String, ExperimentParameters> perExperiment = new LinkedHashMap<>();
        for (ImportedExperiment e : imported) {
            records.addAll(e.records());
            judgments.addAll(e.judgments());
            judges.addAll(e.judges());
            e.models().forEach(m -> models.putIfAbsent(m.label(), m));
            perExperiment.put(e.experiment(), ExperimentParameters.of(e.parameters()));
        }
        writeLines(dir.responsesFile(), records);
        if (!judgments.isEmpty()) {
            writeLines(dir.root().resolve(Judgment.FILE), judgments);
        }
        List<String> experiments = imported.stream().map(ImportedExperiment::experiment).toList();
        RunParameters parameters = RunParameters.imported("paper-import", "Imported from the released results of Moore et al., FAccT 2025 (MIT licence). "
                + "Completions are the paper's raw outputs; token counts are -1 and times 0 (unknown); messages are "
                + "empty (the paper's system prompt and one-shot turns are not in its data files); seed 0; "
                + "model_sha256 is the SHA-256 of the model label (no model file). Missing outputs are failures of "
                + "kind MISSING_IN_SOURCE.", perExperiment, Map.of("paper_dir",
                paperDir.toAbsolutePath().normalize().toString(), "import_notes", notes));
        long failures = records.stream().filter(ResponseRecord::failed).count();
        Manifest m = Manifest.builder().mhbenchVersion(Version.mhbench()).gitCommit(GitInfo.commit().orElse(null))
                .experiment(String.join("+", experiments)).command(command).startedAt(started)
                .finishedAt(Instant.now()).status("complete").host(HostInfo.current())
                .models(List.copyOf(models.values())).parameters(parameters).judges(judges).build();
        dir.writeManifest(m);
        return new Result(outDir, experiments, records.size(), failures, notes);
    }

    /**
     * Writes a whole log at once, one JSON object per line (the line format of
     * {@link org.mhbench.runfolder.ResponseLog} and of {@code judgments.jsonl}).
     */
    private static void writeLines(Path file, List<?> records) throws IOException {
        PrivateFiles.replace(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Object r : records) {
                    w.write(Json.MAPPER.writeValueAsString(r));
                    w.write('\n');
                }
            }
        });
    }

    private static String singular(String folder) {
        return folder.endsWith("s") ? folder.substring(0, folder.length() - 1) : folder;
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

}
