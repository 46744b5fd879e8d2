package org.mhbench.gguf;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * Produces one tensor's data for {@link GgufWriter#writeTensorData(String, TensorContent)}, streaming it so
 * that large tensors never need to be in memory at once.
 */
@FunctionalInterface
public interface TensorContent {

    /**
     * Writes exactly the tensor's {@link GgufTensorInfo#byteSize()} bytes, in ggml layout and little-endian
     * order, to {@code sink}. Writing more fails at once; writing fewer fails when this method returns.
     * The sink must not be used after this method returns.
     */
    void writeTo(WritableByteChannel sink) throws IOException;
}
