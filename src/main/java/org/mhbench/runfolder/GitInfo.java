package org.mhbench.runfolder;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The git commit of the mhbench checkout that is running, read from its {@code .git} folder (no
 * git executable, no process): the manifest records which code produced a run.
 */
public final class GitInfo {

    private GitInfo() {
    }

    /** The commit of the checkout holding mhbench's classes, or empty when not run from a checkout. */
    public static Optional<String> commit() {
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
