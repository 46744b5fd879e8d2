package org.mhbench.generate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The speaker of a {@link ChatMessage}; serialised in lower case as chat templates expect. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
