package org.mhbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.mhbench.generate.ModelInfo;
import org.mhbench.report.Usage;
import org.mhbench.report.UsageCsv;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.RunParameters;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.BadInputException;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * Joins the run folders of {@code run --shard K/N} into one run folder that scores and reports as the
 * unsharded run does: it checks that the shards come from one spec (same run id, models by SHA-256,
 * judges), that each of the N shards is there once and finished, then writes the records, verdicts and
 * bridging turns of all of them, the usage, and a manifest without the shard.
 */
public final class ShardMerge {

    /** What was merged. */
    public record Result(RunDirectory dir, int shards, int records, int judgments, List<String> missing,
                         boolean partial) {
    }

    private ShardMerge() {
    }

    /**
     * Merges {@code shardDirs} into {@code out} (which must not hold a run).
     *
     * @param allowPartial merge even when shards are missing or did not complete (the manifest says
     *                     {@code partial}); a shard still running is refused regardless
     * @throws BadInputException naming what does not fit
     */
    public static Result merge(Path out, List<Path> shardDirs, boolean allowPartial, List<String> command)
            throws IOException {
        if (shardDirs.isEmpty()) {
            throw new BadInputException("give the shards' run folders");
        }
        List<Manifest> manifests = new ArrayList<>();
        for (Path d : shardDirs) {
            if (!Files.isRegularFile(d.resolve(RunDirectory.MANIFEST))) {
                throw new BadInputException(d + " is not a run folder (no " + RunDirectory.MANIFEST + ")");
            }
            manifests.add(RunDirectory.open(d).readManifest().orElseThrow());
        }
        Manifest first = manifests.get(0);
        String runId = first.parameters().runId();
        Shard firstShard = shardOf(first, shardDirs.get(0));
        Map<Integer, Path> byIndex = new TreeMap<>();
        List<String> notComplete = new ArrayList<>();
        Map<String, String> models = new LinkedHashMap<>();
        for (int i = 0; i < manifests.size(); i++) {
            Manifest m = manifests.get(i);
            Path d = shardDirs.get(i);
            Shard s = shardOf(m, d);
            if (!Objects.equals(runId, m.parameters().runId()) || s.count() != firstShard.count()) {
                throw new BadInputException(d + " is a shard of another run (run id " + m.parameters().runId()
                        + " of " + s.count() + " shards; " + shardDirs.get(0) + " has " + runId + " of "
                        + firstShard.count() + "): its models, stimuli or settings differ");
            }
            Path twin = byIndex.put(s.index(), d);
            if (twin != null) {
                throw new BadInputException("shard " + s + " is there twice: " + twin + " and " + d);
            }
            if ("running".equals(m.status())) {
                throw new BadInputException(d + " (shard " + s + ") is still running; wait for it, or resume it "
                        + "(mhbench run --resume --out " + d + ") if it was killed");
            }
            if (!"complete".equals(m.status())) {
                notComplete.add("shard " + s + " is " + m.status() + " (" + d + ")");
            }
            for (ModelInfo info : m.models()) {
                String before = models.putIfAbsent(info.label(), info.sha256());
                if (before != null && !before.equals(info.sha256())) {
                    throw new BadInputException("model " + info.label() + " differs between shards (sha256 "
                            + before + " and " + info.sha256() + " in " + d + ")");
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < firstShard.count(); k++) {
            if (!byIndex.containsKey(k)) {
                missing.add("shard " + k + "/" + firstShard.count() + " is missing");
            }
        }
        List<String> problems = new ArrayList<>(missing);
        problems.addAll(notComplete);
        if (!problems.isEmpty() && !allowPartial) {
            throw new BadInputException(String.join("; ", problems) + " (merge anyway with --allow-partial; the "
                    + "merged run is then marked partial)");
        }
        if (Files.exists(out.resolve(RunDirectory.MANIFEST))) {
            throw new BadInputException(out + " already holds a run; merge into a new folder");
        }

        RunDirectory dir = RunDirectory.create(out);
        List<ResponseRecord> records = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Judgment> judgments = new ArrayList<>();
        Set<List<String>> judgmentKeys = new LinkedHashSet<>();
        Map<String, String> bridges = new LinkedHashMap<>();
        Manifest merged = first;
        for (int i = 0; i < manifests.size(); i++) {
            Path d = shardDirs.get(i);
            if (Files.isRegularFile(d.resolve(RunDirectory.RESPONSES))) {
                for (ResponseRecord r : ResponseLog.read(d.resolve(RunDirectory.RESPONSES))) {
                    if (!ids.add(r.id())) {
                        throw new BadInputException("record " + r.id() + " is in two shards (the second: " + d + ")");
                    }
                    records.add(r);
                }
            }
            for (Judgment j : RunDirectory.readJudgments(d)) {
                if (judgmentKeys.add(List.of(j.recordId(), j.judge()))) {
                    judgments.add(j);
                }
            }
            Path b = d.resolve("bridges.jsonl");
            if (Files.isRegularFile(b)) {
                for (String line : Files.readAllLines(b)) {
                    if (!line.isBlank()) {
                        JsonNode n = Json.LENIENT.readTree(line);
                        bridges.putIfAbsent(n.path("key").asText(line), line);
                    }
                }
            }
            if (i > 0) {
                Manifest m = manifests.get(i);
                for (ModelInfo info : m.models()) {
                    if (merged.models().stream().noneMatch(x -> x.label().equals(info.label()))) {
                        merged = merged.withModel(info);
                    }
                }
                for (Map.Entry<String, String> f : m.failures().entrySet()) {
                    merged = merged.withFailure(f.getKey(), f.getValue());
                }
                for (JudgeInfo judge : m.judges()) {
                    merged = merged.withJudge(judge);
                }
                if (m.cost() != null) {
                    merged = merged.withCost(m.cost().plus(merged.cost()));
                }
            }
        }
        try (ResponseLog log = dir.openResponses()) {
            for (ResponseRecord r : records) {
                log.append(r);
            }
        }
        try (JsonlLog<Judgment> log = dir.openJudgments()) {
            for (Judgment j : judgments) {
                log.append(j);
            }
        }
        if (!bridges.isEmpty()) {
            Path file = out.resolve("bridges.jsonl");
            PrivateFiles.replace(file, tmp -> Files.write(tmp, bridges.values()));
        }
        List<Usage> usage = Usage.of(records);
        UsageCsv.write(out, usage);
        RunParameters parameters = first.parameters().toBuilder().shard(null)
                .mergedFrom(shardDirs.stream().map(p -> p.toAbsolutePath().toString()).toList()).build();
        boolean partial = !problems.isEmpty();
        Manifest result = merged.toBuilder().format(Manifest.FORMAT).command(command).finishedAt(Instant.now())
                .status(partial ? "partial" : "complete").parameters(parameters).build();
        dir.writeManifest(result);
        return new Result(dir, manifests.size(), records.size(), judgments.size(), problems, partial);
    }

    private static Shard shardOf(Manifest m, Path d) {
        String s = m.parameters().shard();
        if (s == null) {
            throw new BadInputException(d + " is not a shard (its run was not started with --shard K/N)");
        }
        return Shard.parse(s);
    }
}
