package org.mhbench.cli;

/** A run or check that did not succeed (exit status 1), printed as one line. */
public class RunFailed extends RuntimeException {

    public RunFailed(String message) {
        super(message);
    }

    public RunFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
