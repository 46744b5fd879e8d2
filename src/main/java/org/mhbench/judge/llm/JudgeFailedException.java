package org.mhbench.judge.llm;

/**
 * The LLM judge's model could not answer (its worker died, timed out, or the prompt does not fit its
 * context). What was judged before is kept; judging again resumes.
 */
public class JudgeFailedException extends RuntimeException {

    public JudgeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
