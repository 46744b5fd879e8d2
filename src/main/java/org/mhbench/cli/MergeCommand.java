package org.mhbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhbench.run.ShardMerge;
import org.mhbench.util.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mhbench merge OUT_DIR SHARD_DIR…}: the shards of one run, joined into one run folder. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the run folders of 'run --shard K/N' into one run folder, which 'score' and 'report' "
                + "then treat as the unsharded run.",
                "Checks that the shards come from one spec (run id: models, stimuli, settings; models by sha256; "
                        + "judges), that each of the N shards is there once, and that each completed."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "The merged run folder (new).")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD_DIR", description = "The shards' run folders.")
    List<Path> shards;

    @Option(names = "--allow-partial", description = "Merge even when shards are missing or did not complete "
            + "(the merged manifest says 'partial'). A shard still running is refused regardless.")
    boolean allowPartial;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ShardMerge.Result r = ShardMerge.merge(out, shards, allowPartial,
                spec.commandLine().getParseResult().originalArgs());
        for (String p : r.missing()) {
            err.println("note: " + p);
        }
        err.printf("merged %s (%s, %s) into %s%s%nscore it with: mhbench score %s%n",
                Plural.of(r.shards(), "shard"), Plural.of(r.records(), "record"), Plural.of(r.judgments(), "verdict"),
                r.dir().root(), r.partial() ? " (PARTIAL)" : "", r.dir().root());
        err.flush();
        return ExitCodes.OK;
    }
}
