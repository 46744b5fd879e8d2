package org.mhbench.score;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.Completion;
import org.mhbench.runfolder.Failure;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.runfolder.ResponseRecord;

/** Hand-made stigma records for scoring tests. */
public final class Records {

    private static int counter;

    private Records() {
    }

    /** A stigma record; {@code output} null makes a failed record. */
    public static ResponseRecord stigma(String model, String systemPrompt, String vignette, String question,
                                        String output, String decoding) {
        String condition = switch (vignette.substring(0, 3)) {
            case "ctl" -> "control";
            case "dpr" -> "depression";
            case "alc" -> "alcohol_dependence";
            case "scz" -> "schizophrenia";
            default -> throw new IllegalArgumentException(vignette);
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("vignette", vignette);
        attributes.put("question", question);
        attributes.put("decoding", decoding);
        String setting = systemPrompt + (decoding.equals("grammar") ? "+grammar" : "");
        // a distinct sample index keeps ids unique when a test repeats a stimulus
        int sample = counter++;
        String id = new RecordKey("ab".repeat(32), setting, vignette + "/" + question, sample).id();
        Completion c = output == null ? null : new Completion(output, 10, 1, Completion.FinishReason.STOP, 1, 1);
        Failure f = output == null ? new Failure("CONTEXT_OVERFLOW", "too long") : null;
        return new ResponseRecord(id, "stigma", model, "ab".repeat(32), systemPrompt, "none", condition,
                vignette + "/" + question, question, sample, 0, attributes, List.of(), c, f, Instant.EPOCH);
    }

    public static ResponseRecord stigma(String model, String vignette, String question, String output) {
        return stigma(model, "none", vignette, question, output, "free");
    }
}
