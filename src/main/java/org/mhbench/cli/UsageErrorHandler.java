package org.mhbench.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A command line picocli cannot parse (unknown option, missing or bad value): one line saying what is
 * wrong and where the help is, exit status 2, instead of picocli's default of the whole usage text.
 * With {@code --verbose} the usage follows.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + message(ex) + "; see '" + name + " --help'");
        if (List.of(args).contains("--verbose")) {
            cmd.usage(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Picocli's message, with its suggestions ("did you mean") for a mistyped option or command. */
    static String message(ParameterException ex) {
        String m = ex.getMessage() == null ? "bad command line" : ex.getMessage().strip();
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            m += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        return m.lines().findFirst().orElse(m);
    }
}
