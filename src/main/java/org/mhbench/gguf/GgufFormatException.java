package org.mhbench.gguf;

/**
 * A file is not a well-formed GGUF file. The message starts with the file's path and says what is wrong,
 * e.g. {@code "model.gguf: not a GGUF file (magic is 0x7f454c46, expected 'GGUF')"}.
 */
public final class GgufFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message complete message, already naming the file
     */
    public GgufFormatException(String message) {
        super(message);
    }

    /**
     * @param message complete message, already naming the file
     * @param cause the I/O error or other cause
     */
    public GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
