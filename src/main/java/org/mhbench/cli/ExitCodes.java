package org.mhbench.cli;

/** mhbench's exit statuses. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A check or run failed (e.g. a model could not be loaded, κ below the minimum), or an internal error. */
    public static final int FAILED = 1;
    /** Bad usage or bad input (unknown option, missing file, malformed stimulus or GGUF). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
