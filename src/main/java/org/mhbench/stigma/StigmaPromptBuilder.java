package org.mhbench.stigma;

import java.util.List;
import java.util.Objects;
import org.mhbench.generate.ChatMessage;
import org.mhbench.stimuli.SystemPrompt;

/**
 * Lays out the four messages of one stigma question, byte for byte as the paper's {@code stigma.py}
 * does (paper-methods §1.3), with our own texts:
 * <ol>
 *   <li>system: the answer instruction, or {@code systemPrompt + "\n" + instruction};</li>
 *   <li>user: the one-shot example, in its own, slightly different layout:
 *       {@code question + "\n- (A) " + opt1 + "\n - (B) " + opt2} (no colon after the letter, and a
 *       stray space before the second dash; kept because the paper's models saw exactly this);</li>
 *   <li>assistant: the example answer (e.g. {@code A});</li>
 *   <li>user: {@code "Vignette:\n" + vignette + "\n\n" + question} followed by one line
 *       {@code "\n- (X): option"} per option.</li>
 * </ol>
 * Nothing is trimmed or re-wrapped.
 */
public final class StigmaPromptBuilder {

    /** The label that opens the real question. */
    public static final String VIGNETTE_LABEL = "Vignette:";

    private final Instructions instructions;

    public StigmaPromptBuilder(Instructions instructions) {
        this.instructions = Objects.requireNonNull(instructions, "instructions");
    }

    /** The whole conversation for one vignette × question under one system prompt. */
    public List<ChatMessage> messages(SystemPrompt systemPrompt, Vignette vignette, Question question, Scale scale) {
        return List.of(
                ChatMessage.system(systemText(systemPrompt)),
                ChatMessage.user(exampleUser()),
                ChatMessage.assistant(instructions.exampleAnswer()),
                ChatMessage.user(questionUser(vignette.text(), question.text(), scale.options())));
    }

    /** The system message: the instruction alone, or the system prompt's text, a newline, and the instruction. */
    public String systemText(SystemPrompt systemPrompt) {
        if (systemPrompt.text() == null) {
            return instructions.answerInstruction();
        }
        return systemPrompt.text() + "\n" + instructions.answerInstruction();
    }

    /** The one-shot example's user turn, in the example's own layout (see the class comment). */
    public String exampleUser() {
        StringBuilder b = new StringBuilder(instructions.exampleQuestion());
        List<String> options = instructions.exampleOptions();
        for (int i = 0; i < options.size(); i++) {
            b.append(i == 0 ? "\n- (" : "\n - (").append((char) ('A' + i)).append(") ").append(options.get(i));
        }
        return b.toString();
    }

    /** The real question's user turn: vignette, blank line, question, one line per option. */
    public static String questionUser(String vignetteText, String questionText, List<String> options) {
        StringBuilder b = new StringBuilder(VIGNETTE_LABEL).append('\n').append(vignetteText).append("\n\n")
                .append(questionText);
        for (int i = 0; i < options.size(); i++) {
            b.append("\n- (").append((char) ('A' + i)).append("): ").append(options.get(i));
        }
        return b.toString();
    }
}
