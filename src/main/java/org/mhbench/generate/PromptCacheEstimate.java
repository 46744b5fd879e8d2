package org.mhbench.generate;

/**
 * Where a backend does not say how much of a prompt came from its cache, the estimate llama.cpp's one
 * slot gives: the longest common token prefix with the slot's previous prompt, at most all but the last
 * token (which is always evaluated again). Only meaningful with one slot. Thread-safe.
 */
public final class PromptCacheEstimate {

    private int[] last;

    /**
     * The reused tokens of {@code tokens} (the prompt as evaluated, BOS included), and {@code tokens}
     * becomes the slot's previous prompt. 0 for the first prompt.
     */
    public synchronized int next(int[] tokens) {
        int common = 0;
        while (last != null && common < last.length && common < tokens.length && last[common] == tokens[common]) {
            common++;
        }
        int reused = last == null ? 0 : Math.max(0, Math.min(common, tokens.length - 1));
        last = tokens;
        return reused;
    }
}
