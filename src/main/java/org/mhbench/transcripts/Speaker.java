package org.mhbench.transcripts;

import java.util.Locale;
import java.util.Optional;
import org.mhbench.generate.Role;

/** Who speaks a transcript turn. A transcript's client becomes the {@code user}, its clinician the {@code assistant}. */
public enum Speaker {
    CLIENT(Role.USER),
    CLINICIAN(Role.ASSISTANT);

    private final Role role;

    Speaker(Role role) {
        this.role = role;
    }

    /** The chat role this speaker's turns are sent as. */
    public Role role() {
        return role;
    }

    /** The name used in transcript files: {@code client} or {@code clinician}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a file value ({@code client}/{@code clinician}, exact lower case). */
    public static Optional<Speaker> parse(String value) {
        for (Speaker s : values()) {
            if (s.fileName().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
