package org.mhbench.testmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.gguf.GgmlType;
import org.mhbench.gguf.GgufFile;
import org.mhbench.gguf.GgufReader;
import org.mhbench.gguf.GgufTensorInfo;
import org.mhbench.gguf.ModelSummary;

class TestModelWriterTest {

    private static final String TINY_SEED_42_SHA256 =
            "5b3e417aec9fb144a1dd7eeab79fda684b1cc53372ad75b4b448b7c8a9c074b4";

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDifferentOnes() throws IOException {
        TestModelFile a = TestModelWriter.write(dir.resolve("a.gguf"), TestModelSize.TINY, 42);
        TestModelFile b = TestModelWriter.write(dir.resolve("b.gguf"), TestModelSize.TINY, 42);
        TestModelFile c = TestModelWriter.write(dir.resolve("c.gguf"), TestModelSize.TINY, 43);
        assertEquals(sha256(a.path()), sha256(b.path()));
        assertNotEquals(sha256(a.path()), sha256(c.path()));
        assertEquals(a.fileSize(), c.fileSize());
    }

    @Test
    void tinyModelBytesArePinned() throws IOException {
        // Same size and seed must give the same bytes on every machine and JVM. If the generator changes
        // on purpose, raise TestModelWriter.GENERATOR_VERSION and update this hash.
        TestModelFile tiny = TestModelWriter.write(dir.resolve("pinned.gguf"), TestModelSize.TINY, 42);
        assertEquals(1, TestModelWriter.GENERATOR_VERSION);
        assertEquals(TINY_SEED_42_SHA256, sha256(tiny.path()));
    }

    @Test
    void tinyModelSummary() throws IOException {
        TestModelFile written = TestModelWriter.write(dir.resolve("tiny.gguf"), TestModelSize.TINY, 1);
        GgufFile file = GgufReader.read(written.path());
        ModelSummary s = ModelSummary.of(file);
        assertEquals("llama", s.architecture().orElseThrow());
        assertEquals("mhbench-test-tiny", s.name().orElseThrow());
        assertTrue(s.parameterCount() >= 1_000_000 && s.parameterCount() <= 5_000_000, "" + s.parameterCount());
        assertEquals(TestModelSize.TINY.parameterCount(), s.parameterCount());
        assertEquals(written.parameterCount(), s.parameterCount());
        assertEquals(written.fileSize(), s.fileSize());
        assertEquals(GgmlType.F16, s.dominantType().orElseThrow());
        assertEquals("MOSTLY_F16", s.fileTypeName().orElseThrow());
        assertEquals(1024, s.vocabSize().orElseThrow());
        assertEquals(2048, s.contextLength().orElseThrow());
        assertEquals(256, s.embeddingLength().orElseThrow());
        assertEquals(4, s.headCount().orElseThrow());
        assertEquals(2, s.headCountKv().orElseThrow());
        assertTrue(s.chatTemplatePresent());
        assertEquals(TestChatTemplate.CHATML, s.chatTemplate().orElseThrow());
        assertEquals("<s>", s.bosToken().orElseThrow());
        assertTrue(file.string("general.description").orElseThrow().contains("random weights"));
        assertEquals("llama", file.string("tokenizer.ggml.model").orElseThrow());
        assertEquals(TestVocabulary.IM_END_ID, file.integer("tokenizer.ggml.eot_token_id").orElseThrow());
        assertEquals(true, file.bool("tokenizer.ggml.add_bos_token").orElseThrow());
        assertEquals(false, file.bool("tokenizer.ggml.add_eos_token").orElseThrow());
        assertEquals(1e-5, file.real("llama.attention.layer_norm_rms_epsilon").orElseThrow(), 1e-12);
        assertEquals(64, file.integer("llama.rope.dimension_count").orElseThrow());
    }

    @Test
    void tensorsHaveLlamaShapesInGgmlOrder() throws IOException {
        GgufFile file = GgufReader.read(TestModelWriter.write(dir.resolve("t.gguf"), TestModelSize.TINY, 1).path());
        TestModelSize s = TestModelSize.TINY;
        assertEquals(3 + 9 * s.blockCount(), file.tensors().size());
        assertShape(file, "token_embd.weight", GgmlType.F16, s.embeddingLength(), s.vocabSize());
        assertShape(file, "blk.0.attn_norm.weight", GgmlType.F32, s.embeddingLength());
        assertShape(file, "blk.0.attn_q.weight", GgmlType.F16, s.embeddingLength(), s.embeddingLength());
        assertShape(file, "blk.1.attn_k.weight", GgmlType.F16, s.embeddingLength(), s.kvEmbeddingLength());
        assertShape(file, "blk.1.attn_v.weight", GgmlType.F16, s.embeddingLength(), s.kvEmbeddingLength());
        assertShape(file, "blk.1.attn_output.weight", GgmlType.F16, s.embeddingLength(), s.embeddingLength());
        assertShape(file, "blk.1.ffn_norm.weight", GgmlType.F32, s.embeddingLength());
        assertShape(file, "blk.1.ffn_gate.weight", GgmlType.F16, s.embeddingLength(), s.feedForwardLength());
        assertShape(file, "blk.1.ffn_up.weight", GgmlType.F16, s.embeddingLength(), s.feedForwardLength());
        assertShape(file, "blk.1.ffn_down.weight", GgmlType.F16, s.feedForwardLength(), s.embeddingLength());
        assertShape(file, "output_norm.weight", GgmlType.F32, s.embeddingLength());
        assertShape(file, "output.weight", GgmlType.F16, s.embeddingLength(), s.vocabSize());
    }

    private static void assertShape(GgufFile file, String name, GgmlType type, long... dims) {
        GgufTensorInfo t = file.tensor(name).orElseThrow(() -> new AssertionError("no tensor " + name));
        assertEquals(type, t.type(), name);
        assertArrayEquals(dims, t.dims(), name);
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
