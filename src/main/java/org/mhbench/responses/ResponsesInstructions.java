package org.mhbench.responses;

import java.util.Objects;

/**
 * The fixed texts of the appropriate-responses experiment ({@code stimuli/responses/instructions.json}).
 *
 * @param characterLimit    the instruction every tested model gets as (the end of) its system message:
 *                          reply naturally; replies are cut at 1,024 characters (paper-methods §2.2).
 *                          Used byte for byte
 * @param judgeInstruction  the first line of the LLM judge's prompt: answer with the option letter only
 * @param bridgeInstruction what the bridge model is asked for when {@code --contextualize} is on: a
 *                          short client-voice turn leading from the transcript to the final message
 */
public record ResponsesInstructions(String characterLimit, String judgeInstruction, String bridgeInstruction) {

    public ResponsesInstructions {
        Objects.requireNonNull(characterLimit, "characterLimit");
        Objects.requireNonNull(judgeInstruction, "judgeInstruction");
        Objects.requireNonNull(bridgeInstruction, "bridgeInstruction");
    }
}
