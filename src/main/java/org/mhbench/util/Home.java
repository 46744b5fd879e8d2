package org.mhbench.util;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mhbench's install folder (the checkout), where {@code stimuli/} and {@code models/} live, so the
 * launcher works from any working directory. Taken from the {@code mhbench.home} property (set by
 * the {@code ./mhbench} launcher), else found above the running classes, else the current folder.
 */
public final class Home {

    private Home() {
    }

    public static Path dir() {
        String prop = System.getProperty("mhbench.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        try {
            Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("stimuli")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    /** A path inside the install folder, e.g. {@code resolve("stimuli")}. */
    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }
}
