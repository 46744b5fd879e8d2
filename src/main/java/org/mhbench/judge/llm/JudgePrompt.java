package org.mhbench.judge.llm;

import java.util.List;
import java.util.Objects;

/**
 * The LLM judge's single user message, in the layout of the paper's judge prompt (paper-methods
 * §2.4) with our own instruction text:
 * <pre>
 * {instruction}
 *
 * {question}
 * - (A): {first option}
 * - (B): {second option}
 *
 * Query: {the client's last message}
 * Response: ```
 * {the full reply}
 * ```
 * </pre>
 * No system prompt, no examples (zero-shot). Nothing is trimmed.
 */
public final class JudgePrompt {

    private final String instruction;

    /** @param instruction the first line: answer with the option letter only */
    public JudgePrompt(String instruction) {
        this.instruction = Objects.requireNonNull(instruction, "instruction");
    }

    public String instruction() {
        return instruction;
    }

    /** The message for one reply; {@code options} are the option texts in the order shown (A, B, …). */
    public String render(String question, List<String> options, String query, String response) {
        StringBuilder b = new StringBuilder(instruction).append("\n\n").append(question);
        for (int i = 0; i < options.size(); i++) {
            b.append("\n- (").append((char) ('A' + i)).append("): ").append(options.get(i));
        }
        return b.append("\n\nQuery: ").append(query).append("\nResponse: ```\n").append(response).append("\n```")
                .toString();
    }
}
