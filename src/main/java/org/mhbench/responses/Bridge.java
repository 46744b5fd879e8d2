package org.mhbench.responses;

/**
 * A bridging client turn written by the bridge model for one prompt ({@code --contextualize}), or
 * why none could be written.
 *
 * @param text    the turn, exactly as generated, or {@code null} when it failed
 * @param failure the failure kind (e.g. {@code CONTEXT_OVERFLOW}) when it failed, else {@code null};
 *                the prompt then goes out without a bridge and its {@code contextualized}
 *                attribute says {@code failed}
 */
public record Bridge(String text, String failure) {

    public Bridge {
        if ((text == null) == (failure == null)) {
            throw new IllegalArgumentException("a bridge has either a text or a failure");
        }
    }

    public static Bridge of(String text) {
        return new Bridge(text, null);
    }

    public static Bridge failed(String kind) {
        return new Bridge(null, kind);
    }
}
