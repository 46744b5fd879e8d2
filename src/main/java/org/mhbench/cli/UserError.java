package org.mhbench.cli;

/**
 * Bad input from the user: a missing file, a malformed stimulus, a wrong option value. Printed as
 * one line (what, which file, what to do) and exit status 2, never as a stack trace.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
