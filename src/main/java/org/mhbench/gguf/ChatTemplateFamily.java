package org.mhbench.gguf;

import java.util.Locale;

/**
 * A rough classification of a chat template ({@code tokenizer.chat_template}) by the marker strings it
 * contains. It is a guess for display, not what llama.cpp will do with the template.
 */
public enum ChatTemplateFamily {
    /** No template in the file. */
    NONE,
    /** {@code <|im_start|>role ... <|im_end|>}. */
    CHATML,
    /** {@code <|start_header_id|>role<|end_header_id|>}. */
    LLAMA3,
    /** {@code [INST] ... [/INST]} with {@code <<SYS>>}. */
    LLAMA2,
    /** {@code [INST] ... [/INST]} without {@code <<SYS>>}, or Mistral's {@code [SYSTEM_PROMPT]} / tools. */
    MISTRAL,
    /** {@code <start_of_turn>role ... <end_of_turn>}. */
    GEMMA,
    /** {@code <|user|> ... <|end|>}. */
    PHI3,
    /** DeepSeek's full-width {@code <｜User｜>} / {@code <｜Assistant｜>} markers. */
    DEEPSEEK,
    /** Cohere's {@code <|START_OF_TURN_TOKEN|>}. */
    COMMAND_R,
    /** A template none of the above matched. */
    CUSTOM;

    /** Guesses the family of {@code template}; {@code null} means absent ({@link #NONE}). */
    public static ChatTemplateFamily guess(String template) {
        if (template == null) {
            return NONE;
        }
        if (template.contains("<|im_start|>")) {
            return CHATML;
        }
        if (template.contains("<|start_header_id|>")) {
            return LLAMA3;
        }
        if (template.contains("<start_of_turn>")) {
            return GEMMA;
        }
        if (template.contains("<|START_OF_TURN_TOKEN|>")) {
            return COMMAND_R;
        }
        if (template.contains("<｜Assistant｜>") || template.contains("<｜User｜>")) {
            return DEEPSEEK;
        }
        if (template.contains("[INST]")) {
            boolean mistralMarkers = template.contains("[SYSTEM_PROMPT]") || template.contains("[AVAILABLE_TOOLS]");
            return template.contains("<<SYS>>") && !mistralMarkers ? LLAMA2 : MISTRAL;
        }
        if (template.contains("<|user|>") && template.contains("<|end|>")) {
            return PHI3;
        }
        return CUSTOM;
    }

    /** Lower-case display name, e.g. {@code chatml}, {@code command-r}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
