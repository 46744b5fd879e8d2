package org.mhbench.runfolder;

/**
 * Why an item has no output. Failures are recorded, never dropped: the paper lost half of a model's
 * rows silently to context overflow; here they are counted and reported.
 *
 * @param kind    a {@link org.mhbench.generate.GenerationException.Kind} name, or
 *                {@code MISSING_IN_SOURCE} for imported data that has no output
 * @param message one line for people
 */
public record Failure(String kind, String message) {
}
