package org.mhbench.judge;

/**
 * A judge that cannot be used in this build or with these files (e.g. the ONNX judge before it is
 * wired in, or a missing model file). An {@link IllegalArgumentException}, so the command line reports
 * it as bad input (exit status 2) in one line.
 */
public class JudgeUnavailableException extends IllegalArgumentException {

    public JudgeUnavailableException(String message) {
        super(message);
    }
}
