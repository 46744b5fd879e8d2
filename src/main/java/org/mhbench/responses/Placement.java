package org.mhbench.responses;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a transcript the stimuli are placed: after how many transcript messages
 * ({@code message_number}, paper-methods §2.2). Either every multiple of an interval below the
 * transcript's length (the paper: 0, 50, 100, …) or an explicit list of offsets (those below the
 * length are used). Offsets are even, so the prefix always ends with a clinician turn and the
 * stimulus arrives as the client's next turn.
 *
 * @param interval the step between offsets, even and ≥ 2 (used when {@code offsets} is empty)
 * @param offsets  explicit offsets, each even and ≥ 0, strictly increasing; empty to use the interval
 */
public record Placement(int interval, List<Integer> offsets) {

    /** The paper's interval, {@code INTERJECTION_INTERVAL = 50}. */
    public static final int DEFAULT_INTERVAL = 50;

    public Placement {
        offsets = List.copyOf(offsets);
        if (offsets.isEmpty() && (interval < 2 || interval % 2 != 0)) {
            throw new IllegalArgumentException("the interval must be an even number >= 2 (so every prefix ends with "
                    + "a clinician turn), got " + interval);
        }
        int previous = -1;
        for (int o : offsets) {
            if (o < 0 || o % 2 != 0) {
                throw new IllegalArgumentException("offsets must be even numbers >= 0 (so every prefix ends with a "
                        + "clinician turn), got " + o);
            }
            if (o <= previous) {
                throw new IllegalArgumentException("offsets must be strictly increasing, got " + offsets);
            }
            previous = o;
        }
    }

    /** Every {@value #DEFAULT_INTERVAL} messages, as the paper. */
    public static Placement paper() {
        return new Placement(DEFAULT_INTERVAL, List.of());
    }

    /** Every {@code interval} messages. */
    public static Placement every(int interval) {
        return new Placement(interval, List.of());
    }

    /** Exactly these offsets (those below a transcript's length). */
    public static Placement at(List<Integer> offsets) {
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("give at least one offset");
        }
        return new Placement(DEFAULT_INTERVAL, offsets);
    }

    /** The offsets used for a transcript of {@code length} turns, ascending. */
    public List<Integer> offsetsFor(int length) {
        List<Integer> out = new ArrayList<>();
        if (offsets.isEmpty()) {
            for (int o = 0; o < length; o += interval) {
                out.add(o);
            }
        } else {
            for (int o : offsets) {
                if (o < length) {
                    out.add(o);
                }
            }
        }
        return out;
    }
}
