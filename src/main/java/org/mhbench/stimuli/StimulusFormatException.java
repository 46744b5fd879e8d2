package org.mhbench.stimuli;

import java.nio.file.Path;

/**
 * A stimulus file that cannot be used: malformed JSON, a missing or unknown field, a value out of
 * range, an inconsistency between files. The message is one line, {@code FILE:LINE: reason}, so a
 * user can open the file at the right place. It is an {@link IllegalArgumentException}, which the
 * command line reports as bad input (exit status 2).
 */
public class StimulusFormatException extends org.mhbench.util.BadInputException {

    private final transient Path file;
    private final int line;

    /**
     * @param file   the offending file
     * @param line   1-based line number, or 0 when the problem concerns the file as a whole
     * @param reason what is wrong and, where useful, what to do
     */
    public StimulusFormatException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }
}
