package org.mhbench.paper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's model names (as in its result folder names, {@code /} written {@code __}) and our
 * labels for them, in the paper's order. llama2-7b was run but left out of the paper's figures.
 */
public final class PaperModels {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("gpt-4o-2024-08-06", "gpt-4o");
        LABELS.put("meta-llama__Meta-Llama-3.1-405B-Instruct-Turbo", "llama3.1-405b");
        LABELS.put("meta-llama__Meta-Llama-3.1-70B-Instruct-Turbo", "llama3.1-70b");
        LABELS.put("meta-llama__Llama-3.1-8B-Instruct", "llama3.1-8b");
        LABELS.put("meta-llama__Llama-2-70b-chat-hf", "llama2-70b");
        LABELS.put("meta-llama__Llama-2-7b-chat-hf", "llama2-7b");
    }

    private PaperModels() {
    }

    /** Our label for a paper model name, if it is one of the six known models. */
    public static Optional<String> label(String paperName) {
        return Optional.ofNullable(LABELS.get(paperName));
    }

    /**
     * Our label, or for an unknown model a label made from its name (after the last {@code __},
     * lower case, characters outside {@code [a-z0-9._-]} replaced by {@code -}).
     */
    public static String labelOrDerived(String paperName) {
        return label(paperName).orElseGet(() -> {
            int cut = paperName.lastIndexOf("__");
            String tail = cut >= 0 ? paperName.substring(cut + 2) : paperName;
            return tail.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        });
    }

    /** Position in the paper's order (unknown models after all known ones). */
    public static int order(String paperName) {
        List<String> names = List.copyOf(LABELS.keySet());
        int i = names.indexOf(paperName);
        return i < 0 ? names.size() : i;
    }
}
