package org.mhbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the mhbench command line in-process, as a user would type it, and captures what it prints.
 *
 * @param status the exit status
 * @param out    what went to stdout
 * @param err    what went to stderr
 */
public record CliRun(int status, String out, String err) {

    /** Executes {@code mhbench args…} and returns its status and output. */
    public static CliRun of(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
