package org.mhbench.testmodel;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A test model that {@link TestModelWriter} wrote.
 *
 * @param path where it was written
 * @param size its hyperparameters
 * @param seed the weight seed
 * @param parameterCount elements in all tensors
 * @param fileSize bytes on disk
 */
public record TestModelFile(Path path, TestModelSize size, long seed, long parameterCount, long fileSize) {

    public TestModelFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(size, "size");
    }
}
