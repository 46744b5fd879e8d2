package org.mhbench.judge;

/** A criterion the judge was not trained for; the message says what to use instead. */
public class UnsupportedCriterionException extends RuntimeException {

    public UnsupportedCriterionException(String message) {
        super(message);
    }
}
