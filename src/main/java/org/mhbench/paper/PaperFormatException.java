package org.mhbench.paper;

import java.nio.file.Path;
import org.mhbench.util.BadInputException;

/**
 * A file of the paper's release (or of hand-collected replies) that cannot be imported. One line,
 * {@code FILE[:LINE]: reason}; a {@link BadInputException}, so the command line reports it as bad input
 * (exit 2).
 */
public class PaperFormatException extends BadInputException {

    /**
     * @param file   the offending file or folder
     * @param line   1-based line, or 0 when not tied to a line
     * @param reason what is wrong
     */
    public PaperFormatException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
