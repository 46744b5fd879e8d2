package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.mhbench.generate.GenerationException;
import org.mhbench.gguf.GgufFormatException;
import org.mhbench.util.BadInputException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns exceptions into one clear line and an exit status: 2 for bad input (the user's mistake, see
 * {@link #isBadInput}), 1 for a failed run, an I/O error, or an internal error. An internal error is
 * anything else, a bug (an {@link IllegalArgumentException} included: a broken invariant is no user
 * mistake): its line asks for a report. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    /** Ends the line of an internal error without {@code --verbose}. */
    static final String REPORT_IT = "(run with --verbose and report it)";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int status = statusOf(ex);
        boolean verbose = Main.verbose(parsed);
        String line = "mhbench " + cmd.getCommandName() + ": " + messageOf(ex);
        if (isInternal(ex)) {
            err.println(line + " " + (verbose ? "(please report it, with the stack trace below)" : REPORT_IT));
        } else {
            err.println(line);
            if (!verbose && status == ExitCodes.FAILED && !(ex instanceof RunFailed)
                    && !(ex instanceof GenerationException)) {
                err.println("(run again with --verbose for the stack trace)");
            }
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    static int statusOf(Throwable ex) {
        return isBadInput(ex) ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    /**
     * The user's mistake, exit status 2: a {@link UserError} (the commands' own checks), a
     * {@link BadInputException} (input checked deeper down: a malformed paper or labels file, a judge that
     * cannot be used, a folder that is not what was asked for), and the input errors of packages that
     * predate it (a malformed stimulus or GGUF file, a judge-id conflict in a run folder), or a missing file.
     */
    static boolean isBadInput(Throwable ex) {
        if (ex instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException) {
            return true;
        }
        return ex instanceof UserError || ex instanceof BadInputException || ex instanceof GgufFormatException
                || ex instanceof NoSuchFileException;
    }

    /**
     * A bug rather than a failure the user can act on: not bad input, not a failed run or request, not an
     * I/O error.
     */
    static boolean isInternal(Throwable ex) {
        return !isBadInput(ex) && !(ex instanceof RunFailed) && !(ex instanceof GenerationException)
                && !(ex instanceof IOException) && !(ex instanceof UncheckedIOException);
    }

    static String messageOf(Throwable ex) {
        if (ex instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return messageOf(u.getCause());
        }
        String m = ex.getMessage();
        if (isBadInput(ex) || ex instanceof RunFailed || ex instanceof GenerationException) {
            return m;
        }
        if (ex instanceof IOException) {
            return "I/O error: " + m;
        }
        return "internal error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
