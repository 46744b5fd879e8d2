package org.mhbench.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * The judge stage: answers a criterion's yes/no question about a reply. Implementations: the
 * offline ONNX classifier and a local GGUF LLM asked the paper's question.
 */
public interface Judge extends AutoCloseable {

    JudgeInfo info();

    /** Whether this judge was built for (or validated on) the criterion. */
    boolean supports(String criterion);

    /**
     * Judges one reply.
     *
     * @throws UnsupportedCriterionException if {@link #supports} is false for its criterion
     */
    Verdict judge(JudgeInput input);

    /** Judges many replies; implementations batch where that is faster. Same order as the input. */
    default List<Verdict> judgeAll(List<JudgeInput> inputs) {
        List<Verdict> out = new ArrayList<>(inputs.size());
        for (JudgeInput in : inputs) {
            out.add(judge(in));
        }
        return out;
    }

    @Override
    void close();
}
