package org.mhbench.judge.llm;

import java.util.List;
import java.util.SplittableRandom;
import org.mhbench.util.Hashing;

/**
 * The order in which the judge sees the options {@code yes} and {@code no}. The paper shuffled them per
 * row with an unseeded {@code random.shuffle} (paper-methods §2.4), so position bias averages out; here
 * the shuffle is seeded by the judge's seed and the item's id, so the same item always gets the same
 * order (resumable, reproducible) and the order does not depend on which items are judged together.
 */
public final class OptionOrder {

    /** The options in their unshuffled order. */
    public static final List<String> OPTIONS = List.of("yes", "no");

    private OptionOrder() {
    }

    /** {@code [yes, no]} or {@code [no, yes]}, about half of the items each. */
    public static List<String> of(long seed, String itemId) {
        long h = Long.parseUnsignedLong(Hashing.sha256(itemId).substring(0, 16), 16);
        return new SplittableRandom(seed ^ h).nextBoolean() ? OPTIONS : List.of(OPTIONS.get(1), OPTIONS.get(0));
    }
}
