package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.cli.Main;
import org.mhbench.util.Json;

/** The commit and dirty flag the build records (git.properties), as the manifest gets them. */
class GitInfoTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static Properties props(String commit, String dirty) {
        Properties p = new Properties();
        if (commit != null) {
            p.setProperty("git.commit.id.full", commit);
        }
        if (dirty != null) {
            p.setProperty("git.dirty", dirty);
        }
        p.setProperty("git.branch", "main");
        p.setProperty("git.commit.id.describe", "0123456" + ("true".equals(dirty) ? "-dirty" : ""));
        return p;
    }

    @Test
    void aDirtyBuildMarksItsCommit() {
        GitInfo.Build b = GitInfo.Build.of(props(SHA, "true"));
        assertEquals(Optional.of(SHA + "-dirty"), b.commitWithDirtyFlag());
        assertEquals(Boolean.TRUE, b.dirty());
        assertEquals("main", b.branch());
        assertEquals("0123456-dirty", b.describe());
    }

    @Test
    void aCleanBuildRecordsTheBareCommit() {
        assertEquals(Optional.of(SHA), GitInfo.Build.of(props(SHA, "false")).commitWithDirtyFlag());
    }

    @Test
    void anUnknownDirtyFlagLeavesTheCommitBareAndSaysSo() {
        GitInfo.Build b = GitInfo.Build.of(props(SHA, null));
        assertEquals(Optional.of(SHA), b.commitWithDirtyFlag());
        assertNull(b.dirty());
    }

    @Test
    void noCommitOrAnUnresolvedPlaceholderIsNoCommit() {
        assertEquals(Optional.empty(), GitInfo.Build.of(props(null, "true")).commitWithDirtyFlag());
        assertEquals(Optional.empty(), GitInfo.Build.of(props("", "true")).commitWithDirtyFlag());
        assertEquals(Optional.empty(), GitInfo.Build.of(props("${git.commit.id.full}", "false"))
                .commitWithDirtyFlag());
    }

    /**
     * In a git checkout the build wrote git.properties: its commit is HEAD's, and its dirty flag agrees
     * with its describe. (A source archive has no .git: nothing to compare, the test is skipped there.)
     */
    @Test
    void theBuildRecordedThisCheckoutsCommit() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.exists(Path.of(".git")), "not built from a git checkout");
        GitInfo.Build b = GitInfo.fromResource();
        assertNotNull(b.commit(), "the build wrote no commit into " + GitInfo.RESOURCE + " (pom.xml, git-commit-id)");
        assertEquals(git("rev-parse", "HEAD"), b.commit());
        assertNotNull(b.dirty(), "the build wrote no dirty flag");
        assertEquals(b.dirty(), b.describe().endsWith(GitInfo.DIRTY_SUFFIX), b.describe());
        assertEquals(b.commitWithDirtyFlag(), GitInfo.commit());
    }

    /** The manifest records the commit with its dirty flag (here through import-responses, which needs no model). */
    @Test
    void theManifestRecordsTheCommitWithItsDirtyFlag(@TempDir Path tmp) throws IOException {
        Path replies = Files.writeString(tmp.resolve("replies.csv"), "stimulus,response\nbridge,How are you?\n");
        Path run = tmp.resolve("run");
        assertEquals(0, Main.execute("import-responses", replies.toString(), "--source", "a", "--out", run.toString()));
        String recorded = Json.LENIENT.readTree(run.resolve(RunDirectory.MANIFEST).toFile()).path("gitCommit")
                .asText(null);
        assertEquals(GitInfo.commit().orElse(null), recorded);
        if (Boolean.TRUE.equals(GitInfo.dirty().orElse(null))) {
            assertTrue(recorded.endsWith(GitInfo.DIRTY_SUFFIX), recorded);
        }
    }

    private static String git(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
        return out;
    }
}
