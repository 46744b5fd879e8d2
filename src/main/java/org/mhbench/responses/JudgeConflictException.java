package org.mhbench.responses;

/**
 * A run folder already holds verdicts under a judge's id that a different judge made (another
 * version, or trained on other data). Its verdicts would be taken for the new judge's, so judging
 * stops before it starts. An {@link IllegalArgumentException}: bad input, exit status 2.
 */
public final class JudgeConflictException extends org.mhbench.util.BadInputException {

    public JudgeConflictException(String message) {
        super(message);
    }
}
