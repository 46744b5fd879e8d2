package org.mhbench.judge;

import org.mhbench.util.BadInputException;

/**
 * A judge that cannot be used in this build or with these files (e.g. the ONNX judge before it is
 * wired in, or a missing model file). A {@link BadInputException}, so the command line reports it as
 * bad input (exit status 2) in one line.
 */
public class JudgeUnavailableException extends BadInputException {

    public JudgeUnavailableException(String message) {
        super(message);
    }
}
