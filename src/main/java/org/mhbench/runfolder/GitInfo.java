package org.mhbench.runfolder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The git commit of the mhbench code that is running, so that the manifest records which code produced
 * a run. The build writes it, with the dirty flag (changes not committed), branch and {@code git
 * describe}, into {@value #RESOURCE} (git-commit-id-maven-plugin, see pom.xml). Classes built without
 * it (an IDE) fall back to reading the commit from the checkout's {@code .git} folder, with no dirty flag
 * (no git executable, no process).
 */
public final class GitInfo {

    /** The class-path resource the build writes. */
    static final String RESOURCE = "/org/mhbench/git.properties";

    /** Appended to the commit of code built with changes that were not committed. */
    public static final String DIRTY_SUFFIX = "-dirty";

    /**
     * What is known of the code's commit.
     *
     * @param commit   the full commit id, or {@code null}
     * @param dirty    whether the working tree had changes not committed (untracked files included) when it
     *                 was built, or {@code null} when not known
     * @param branch   the branch (the commit id when detached), or {@code null}
     * @param describe {@code git describe --always --dirty}, or {@code null}
     */
    public record Build(String commit, Boolean dirty, String branch, String describe) {

        static final Build UNKNOWN = new Build(null, null, null, null);

        /** The commit, with {@value #DIRTY_SUFFIX} when the build was dirty. */
        Optional<String> commitWithDirtyFlag() {
            return Optional.ofNullable(commit).map(c -> Boolean.TRUE.equals(dirty) ? c + DIRTY_SUFFIX : c);
        }

        /**
         * Reads what git-commit-id-maven-plugin wrote ({@code git.commit.id.full}, {@code git.dirty},
         * {@code git.branch}, {@code git.commit.id.describe}); a commit that is not a hex id counts as
         * absent.
         */
        static Build of(Properties p) {
            String commit = blankToNull(p.getProperty("git.commit.id.full"));
            if (commit != null && !commit.matches("[0-9a-f]{7,64}")) {
                commit = null;
            }
            String dirty = blankToNull(p.getProperty("git.dirty"));
            return new Build(commit, dirty == null ? null : Boolean.valueOf(dirty),
                    blankToNull(p.getProperty("git.branch")), blankToNull(p.getProperty("git.commit.id.describe")));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    private GitInfo() {
    }

    private static final class Holder {
        static final Build BUILD = load();
    }

    /**
     * The commit of the running code, with {@value #DIRTY_SUFFIX} appended when it was built from a
     * checkout with changes not committed (as {@code git describe --dirty} marks it); empty when not run
     * from a git checkout. This is what the manifest records as {@code gitCommit}.
     */
    public static Optional<String> commit() {
        return Holder.BUILD.commitWithDirtyFlag();
    }

    /** Whether the running code was built with changes not committed; empty when not known. */
    public static Optional<Boolean> dirty() {
        return Optional.ofNullable(Holder.BUILD.dirty());
    }

    /** Everything known: commit, dirty flag, branch, describe. */
    public static Build build() {
        return Holder.BUILD;
    }

    private static Build load() {
        Build fromBuild = fromResource();
        if (fromBuild.commit() != null) {
            return fromBuild;
        }
        return fromDotGit().map(c -> new Build(c, null, null, null)).orElse(Build.UNKNOWN);
    }

    /** What the build wrote into {@value #RESOURCE}, or {@link Build#UNKNOWN}. */
    static Build fromResource() {
        try (InputStream in = GitInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Build.UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            return Build.of(p);
        } catch (IOException | RuntimeException e) {
            return Build.UNKNOWN;
        }
    }

    /** The commit of the checkout holding mhbench's classes, read from its {@code .git} folder. */
    private static Optional<String> fromDotGit() {
        try {
            Path code = Path.of(GitInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.toAbsolutePath(); p != null; p = p.getParent()) {
                Path git = p.resolve(".git");
                if (Files.isDirectory(git)) {
                    return resolveHead(git);
                }
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            // fall through
        }
        return Optional.empty();
    }

    static Optional<String> resolveHead(Path git) throws IOException {
        String head = Files.readString(git.resolve("HEAD")).trim();
        if (!head.startsWith("ref: ")) {
            return Optional.of(head);
        }
        String ref = head.substring(5).trim();
        Path loose = git.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return Optional.of(Files.readString(loose).trim());
        }
        Path packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
                if (line.endsWith(" " + ref)) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }
}
