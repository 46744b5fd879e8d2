package org.mhbench.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;

/** The channel handed to a {@link TensorContent}: forwards to the file and enforces the tensor's size. */
final class TensorSink implements WritableByteChannel {

    private final GgufOutput out;
    private final String tensorName;
    private final long expectedBytes;
    private long written;
    private boolean open = true;

    TensorSink(GgufOutput out, String tensorName, long expectedBytes) {
        this.out = out;
        this.tensorName = tensorName;
        this.expectedBytes = expectedBytes;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int n = src.remaining();
        if (n > expectedBytes - written) {
            throw new IllegalStateException("tensor '" + tensorName + "': content writes more than its "
                    + expectedBytes + " bytes (" + written + " written, " + n + " more offered)");
        }
        out.write(src);
        written += n;
        return n;
    }

    /** Bytes accepted so far. */
    long written() {
        return written;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
