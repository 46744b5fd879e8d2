package org.mhbench.cli;

import org.mhbench.judge.Judges;
import picocli.CommandLine.Option;

/** How {@code run} judges the responses experiment as it goes. */
public final class JudgeOptions {

    @Option(names = "--judge", paramLabel = "onnx|llm:FILE.gguf",
            description = {"Responses: the judge that labels each reply as it is generated: the offline ONNX "
                    + "classifier (onnx, onnx:DIR) or a local GGUF model asked the paper's question (llm:FILE.gguf).",
                    "Default: onnx when this build has it; otherwise replies are left unjudged (with a note)."})
    String judge;

    @Option(names = "--escalate", paramLabel = "llm:FILE.gguf|onnx:DIR",
            description = "Responses: a second judge for the verdicts the first one flags for review; its answer "
                    + "stands and the verdict records which judge decided and why.")
    String escalate;

    @Option(names = "--no-judge",
            description = "Responses: generate only; judge later with 'mhbench judge RUN_DIR --judge ...'.")
    boolean noJudge;

    /** The judge spec to use, or {@code null} for none. */
    String spec() {
        if (noJudge) {
            if (judge != null || escalate != null) {
                throw new UserError("--judge or --escalate and --no-judge contradict each other; give one");
            }
            return null;
        }
        String first = judge != null ? judge : Judges.DEFAULT;
        return escalate != null ? Judges.escalated(first, escalate) : first;
    }

    /** True when the user named the judge (so that an unavailable judge is an error, not a note). */
    boolean explicit() {
        return judge != null || escalate != null;
    }
}
