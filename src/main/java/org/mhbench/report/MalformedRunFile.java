package org.mhbench.report;

import java.io.IOException;

/** A file of the run folder could be read but its content is not what mhbench wrote (bad input). */
public final class MalformedRunFile extends IOException {

    public MalformedRunFile(String message, Throwable cause) {
        super(message, cause);
    }
}
