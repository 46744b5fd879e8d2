package org.mhbench.stigma;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mhbench.generate.ChatMessage;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;

/**
 * The stigma prompts come in the order that lets llama.cpp's prompt cache reuse the most: each prompt
 * shares system prompt, one-shot turn and vignette with the one before it, so only the question is new.
 * Measured here as the share of each prompt's text (role and content of every message, in order) that
 * repeats the previous prompt's start, the part a one-slot prompt cache keeps.
 */
public class PromptOrderTest {

    public static double reusedShare(List<Prompt> prompts) {
        long shared = 0;
        long total = 0;
        String previous = "";
        for (Prompt p : prompts) {
            StringBuilder b = new StringBuilder();
            for (ChatMessage m : p.messages()) {
                b.append(m.role()).append('\n').append(m.content()).append('\n');
            }
            String text = b.toString();
            int n = 0;
            while (n < text.length() && n < previous.length() && text.charAt(n) == previous.charAt(n)) {
                n++;
            }
            shared += n;
            total += text.length();
            previous = text;
        }
        return (double) shared / total;
    }

    @Test
    void runOrderReusesMoreOfThePreviousPromptThanOtherOrders() {
        StigmaStimuli stimuli = StigmaStimuli.load(StigmaStimuliTest.DIR);
        List<Prompt> run = new StigmaExperiment(stimuli, StigmaSettings.paper(List.of(
                SystemPrompt.steelMan(SystemPrompt.DEFAULT_DIR), SystemPrompt.none()))).prompts();
        List<Prompt> questionMajor = new ArrayList<>(run);
        questionMajor.sort(Comparator.comparing(Prompt::setting).thenComparing(Prompt::item)
                .thenComparing(Prompt::stimulus));
        List<Prompt> shuffled = new ArrayList<>(run);
        Collections.shuffle(shuffled, new Random(1));
        double r = reusedShare(run);
        double q = reusedShare(questionMajor);
        double s = reusedShare(shuffled);
        System.out.printf("stigma prompt text reused from the previous prompt: run order %.3f, question-major %.3f, "
                + "shuffled %.3f%n", r, q, s);
        assertTrue(r > q && r > s, "run order " + r + ", question-major " + q + ", shuffled " + s);
    }
}
