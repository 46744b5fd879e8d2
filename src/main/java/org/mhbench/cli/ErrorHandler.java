package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.mhbench.generate.GenerationException;
import org.mhbench.gguf.GgufFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear line and an exit status: 2 for bad input, 1 for a failed run or
 * an internal error. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int status = statusOf(ex);
        err.println("mhbench " + cmd.getCommandName() + ": " + messageOf(ex));
        if (Main.verbose(parsed)) {
            ex.printStackTrace(err);
        } else if (status == ExitCodes.FAILED && !(ex instanceof RunFailed) && !(ex instanceof GenerationException)) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return status;
    }

    static int statusOf(Throwable ex) {
        if (ex instanceof UserError || ex instanceof GgufFormatException || ex instanceof NoSuchFileException
                || ex instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    static String messageOf(Throwable ex) {
        if (ex instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return messageOf(u.getCause());
        }
        String m = ex.getMessage();
        if (ex instanceof UserError || ex instanceof RunFailed || ex instanceof GenerationException
                || ex instanceof GgufFormatException || ex instanceof IllegalArgumentException) {
            return m;
        }
        if (ex instanceof IOException) {
            return "I/O error: " + m;
        }
        return "internal error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
