package org.mhbench.bench;

import java.util.List;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.GenerationException;
import org.mhbench.generate.SamplingSettings;

/** Plain words that make a prompt of about N tokens with a given model's tokenizer and template. */
final class Filler {

    private static final String[] WORDS = "the quiet river runs past old stone walls and green fields".split(" ");

    private Filler() {
    }

    static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[i % WORDS.length]);
        }
        return b.toString();
    }

    /** Words for a prompt of about {@code tokens} tokens: counted once with the model, then scaled. */
    static String calibrate(ChatModel m, int tokens) throws GenerationException {
        String probe = words(tokens);
        int counted = m.complete(new ChatRequest(List.of(ChatMessage.user(probe)), SamplingSettings.greedy(1, 0)))
                .promptTokens();
        int n = Math.max(1, (int) Math.round((double) tokens * tokens / Math.max(1, counted)) - 4);
        return words(n);
    }
}
