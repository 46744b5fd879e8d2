package org.mhbench.util;

/**
 * Input that cannot be used: a malformed file, a value out of range, a folder that is not what was
 * asked for. The command line reports it as bad input: one line, exit status 2. Code that checks what a
 * user gave throws this (or a subclass), with a message that says what is wrong, where, and what to do;
 * a plain {@link IllegalArgumentException} is a broken invariant, a bug, which the command line reports
 * as an internal error (exit status 1).
 */
public class BadInputException extends IllegalArgumentException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
