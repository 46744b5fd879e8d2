package org.mhbench.generate;

/**
 * A request that could not be served. {@link #kind()} is recorded in run outputs so that failures
 * can be counted and reported (e.g. context overflow, which the paper lost silently).
 */
public class GenerationException extends Exception {

    /** What kind of failure. */
    public enum Kind {
        /** the templated prompt plus max tokens does not fit the context window */
        CONTEXT_OVERFLOW,
        /** the model could not be loaded */
        LOAD_FAILED,
        /** the worker process died (native abort, out of memory) */
        WORKER_CRASHED,
        /** no answer within the time limit; the worker was killed */
        TIMEOUT,
        /** the chat template could not be applied */
        TEMPLATE,
        /** anything else reported by the backend */
        BACKEND
    }

    private final Kind kind;
    private final boolean fatal;

    public GenerationException(Kind kind, String message, boolean fatal) {
        super(message);
        this.kind = kind;
        this.fatal = fatal;
    }

    public GenerationException(Kind kind, String message, boolean fatal, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.fatal = fatal;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the model can serve no further request (its worker is gone). */
    public boolean fatal() {
        return fatal;
    }
}
