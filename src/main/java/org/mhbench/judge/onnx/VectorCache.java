package org.mhbench.judge.onnx;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.mhbench.util.Hashing;

/**
 * An optional on-disk cache of encoder outputs, so that retraining (another seed, other settings, an
 * evaluation) does not re-encode thousands of replies. Keyed by the SHA-256 of the encoder model's hash
 * and the exact input text(s); a file written for another encoder simply never hits. Format: a
 * sequence of (UTF key, int length, floats) records, big-endian; written whole on {@link #save}.
 */
public final class VectorCache {

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean dirty;

    private VectorCache(Path file) {
        this.file = file;
    }

    /** Opens (reads) the cache file, or starts an empty one if it does not exist. */
    public static VectorCache open(Path file) {
        VectorCache c = new VectorCache(file);
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String key;
                    try {
                        key = in.readUTF();
                    } catch (EOFException e) {
                        break;
                    }
                    float[] v = new float[in.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    c.vectors.put(key, v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vector cache " + file, e);
            }
        }
        return c;
    }

    static String key(String encoderSha, TextEncoder.Input input) {
        return Hashing.sha256(encoderSha + '\u0000' + input.first() + '\u0001'
                + (input.second() == null ? "\u0002" : input.second()));
    }

    float[] get(String key) {
        return vectors.get(key);
    }

    void put(String key, float[] v) {
        vectors.put(key, v);
        dirty = true;
    }

    public int size() {
        return vectors.size();
    }

    /** Writes the file (via a temporary file) if anything was added. */
    public void save() {
        if (!dirty) {
            return;
        }
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "vectors", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(vectors).entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        }
    }
}
