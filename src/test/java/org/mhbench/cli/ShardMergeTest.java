package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.TestFixtures;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;

/** A run in 3 shards, merged, scores exactly as the same run unsharded. */
class ShardMergeTest {

    static CliRun run(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-e", "stigma,responses", "-m",
                TestFixtures.tinyModel().toString(), "--backend", "jni", "-t", "1", "-c", "2048", "--limit", "10",
                "--max-tokens", "4", "--system-prompt", "none", "--no-score", "--out", dir.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    static Map<String, String> texts(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (ResponseRecord r : ResponseLog.read(dir.resolve("responses.jsonl"))) {
            out.put(r.id(), r.output());
        }
        return out;
    }

    @Test
    void threeShardsMergeIntoTheUnshardedRun(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, run(whole).status());
        List<Path> shards = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            Path s = tmp.resolve("shard" + k);
            CliRun r = run(s, "--shard", k + "/3");
            assertEquals(0, r.status(), r.err());
            Map<String, String> t = texts(s);
            assertTrue(t.size() >= 5, "balanced: shard " + k + " has " + t.size() + " of 20");
            for (String id : t.keySet()) {
                assertTrue(seen.add(id), id + " in two shards");
            }
            shards.add(s);
        }
        Path merged = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge", merged.toString()));
        shards.forEach(s -> args.add(s.toString()));
        CliRun m = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, m.status(), m.err());
        assertEquals(texts(whole), texts(merged), "the same records");
        for (Path d : List.of(whole, merged)) {
            CliRun s = CliRun.of("score", d.toString(), "--bootstrap-resamples", "200");
            assertEquals(0, s.status(), s.err());
        }
        for (String csv : List.of("summary.csv", "coverage.csv", "tests.csv")) {
            assertEquals(Files.readString(whole.resolve(csv)), Files.readString(merged.resolve(csv)), csv);
        }
        var manifest = RunDirectory.open(merged).readManifest().orElseThrow();
        assertEquals("complete", manifest.status());
        assertTrue(manifest.parameters().shard() == null);
        assertEquals(3, manifest.parameters().mergedFrom().size());
    }

    @Test
    void mergeRefusesMissingDuplicateForeignAndRunningShards(@TempDir Path tmp) throws Exception {
        Path s0 = tmp.resolve("s0");
        Path s1 = tmp.resolve("s1");
        assertEquals(0, run(s0, "--shard", "0/2").status());
        assertEquals(0, run(s1, "--shard", "1/2").status());
        CliRun missing = CliRun.of("merge", tmp.resolve("m1").toString(), s0.toString());
        assertEquals(2, missing.status(), missing.err());
        assertTrue(missing.err().contains("shard 1/2 is missing"), missing.err());
        CliRun partial = CliRun.of("merge", tmp.resolve("m2").toString(), s0.toString(), "--allow-partial");
        assertEquals(0, partial.status(), partial.err());
        assertEquals("partial", RunDirectory.open(tmp.resolve("m2")).readManifest().orElseThrow().status());
        CliRun twice = CliRun.of("merge", tmp.resolve("m3").toString(), s0.toString(), s0.toString(), s1.toString());
        assertEquals(2, twice.status(), twice.err());
        Path other = tmp.resolve("other");
        assertEquals(0, run(other, "--shard", "1/2", "--seed", "5").status());
        CliRun foreign = CliRun.of("merge", tmp.resolve("m4").toString(), s0.toString(), other.toString());
        assertEquals(2, foreign.status(), foreign.err());
        assertTrue(foreign.err().contains("another run"), foreign.err());
        Path m = s1.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace("\"complete\"", "\"running\""));
        CliRun running = CliRun.of("merge", tmp.resolve("m5").toString(), s0.toString(), s1.toString(),
                "--allow-partial");
        assertEquals(2, running.status(), running.err());
        assertTrue(running.err().contains("still running"), running.err());
        assertEquals(2, run(tmp.resolve("bad"), "--shard", "2/2").status(), "K must be below N");
    }
}
