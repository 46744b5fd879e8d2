package org.mhbench.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSummaryTest {

    @TempDir
    Path dir;

    @Test
    void summarisesHeaderFields() throws IOException {
        Path file = dir.resolve("m.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putString("general.architecture", "qwen2")
                    .putString("general.name", "Some Model")
                    .putUInt32("general.file_type", 15)
                    .putUInt32("qwen2.context_length", 32768)
                    .putUInt32("qwen2.embedding_length", 64)
                    .putUInt32("qwen2.block_count", 2)
                    .putArray("qwen2.attention.head_count", GgufValueType.UINT32, List.of(4L, 8L))
                    .putUInt32("qwen2.attention.head_count_kv", 2)
                    .putStringArray("tokenizer.ggml.tokens", List.of("<s>", "</s>", "a"))
                    .putUInt32("tokenizer.ggml.bos_token_id", 0)
                    .putUInt32("tokenizer.ggml.eos_token_id", 1)
                    .putString("tokenizer.chat_template", "{{ '<|im_start|>' }}");
            w.addTensor("big", GgmlType.Q8_0, 64, 4);
            w.addTensor("small", GgmlType.F32, 64);
            w.writeTensorData("big", ByteBuffer.allocate(8 * 34));
            w.writeTensorData("small", ByteBuffer.allocate(256));
        }
        ModelSummary s = ModelSummary.of(GgufReader.read(file));
        assertEquals("qwen2", s.architecture().orElseThrow());
        assertEquals("Some Model", s.name().orElseThrow());
        assertEquals(64 * 4 + 64, s.parameterCount());
        assertEquals(2, s.tensorCount());
        assertEquals(GgmlType.Q8_0, s.dominantType().orElseThrow());
        assertEquals("MOSTLY_Q4_K_M", s.fileTypeName().orElseThrow());
        assertEquals(32768, s.contextLength().orElseThrow());
        assertEquals(64, s.embeddingLength().orElseThrow());
        assertEquals(2, s.blockCount().orElseThrow());
        assertEquals(8, s.headCount().orElseThrow(), "per-layer head counts report the largest");
        assertEquals(2, s.headCountKv().orElseThrow());
        assertEquals(3, s.vocabSize().orElseThrow());
        assertEquals("<s>", s.bosToken().orElseThrow());
        assertEquals("</s>", s.eosToken().orElseThrow());
        assertTrue(s.chatTemplatePresent());
        assertEquals(ChatTemplateFamily.CHATML, s.chatTemplateFamily());

        List<String> lines = s.describe();
        assertTrue(lines.contains("architecture:     qwen2"), lines.toString());
        assertTrue(lines.contains("file type:        MOSTLY_Q4_K_M (15)"), lines.toString());
        assertTrue(lines.contains("chat template:    chatml"), lines.toString());
        int column = lines.get(0).indexOf(file.toString());
        for (String line : lines) {
            assertEquals(' ', line.charAt(column - 1), "values are aligned: " + line);
            assertTrue(line.charAt(column) != ' ', "values are aligned: " + line);
        }
    }

    @Test
    void absentFieldsAreReportedAsUnknown() throws IOException {
        Path file = dir.resolve("bare.gguf");
        try (GgufWriter w = GgufWriter.create(file)) {
            w.putUInt32("general.file_type", 999);
        }
        ModelSummary s = ModelSummary.of(GgufReader.read(file));
        assertTrue(s.architecture().isEmpty());
        assertTrue(s.name().isEmpty());
        assertEquals(0, s.parameterCount());
        assertTrue(s.dominantType().isEmpty());
        assertEquals("unknown(999)", s.fileTypeName().orElseThrow());
        assertTrue(s.contextLength().isEmpty());
        assertTrue(s.vocabSize().isEmpty());
        assertFalse(s.chatTemplatePresent());
        assertEquals(ChatTemplateFamily.NONE, s.chatTemplateFamily());
        assertTrue(s.describe().contains("context length:   -"), s.describe().toString());
    }

    @Test
    void chatTemplateFamilies() {
        assertEquals(ChatTemplateFamily.CHATML, ChatTemplateFamily.guess("{{'<|im_start|>' + role}}"));
        assertEquals(ChatTemplateFamily.LLAMA3, ChatTemplateFamily.guess("<|start_header_id|>{{ role }}<|end_header_id|>"));
        assertEquals(ChatTemplateFamily.LLAMA2, ChatTemplateFamily.guess("[INST] <<SYS>>\n{{ s }}\n<</SYS>> [/INST]"));
        assertEquals(ChatTemplateFamily.MISTRAL, ChatTemplateFamily.guess("{{ '[INST] ' + content + ' [/INST]' }}"));
        assertEquals(ChatTemplateFamily.MISTRAL, ChatTemplateFamily.guess("[SYSTEM_PROMPT]{{ s }}[/SYSTEM_PROMPT][INST]"));
        assertEquals(ChatTemplateFamily.GEMMA, ChatTemplateFamily.guess("<start_of_turn>user\n"));
        assertEquals(ChatTemplateFamily.PHI3, ChatTemplateFamily.guess("<|user|>\n{{ c }}<|end|>\n<|assistant|>"));
        assertEquals(ChatTemplateFamily.DEEPSEEK, ChatTemplateFamily.guess("<\uff5cUser\uff5c>{{ c }}<\uff5cAssistant\uff5c>"));
        assertEquals(ChatTemplateFamily.COMMAND_R, ChatTemplateFamily.guess("<|START_OF_TURN_TOKEN|><|USER_TOKEN|>"));
        assertEquals(ChatTemplateFamily.CUSTOM, ChatTemplateFamily.guess("{{ messages }}"));
        assertEquals(ChatTemplateFamily.NONE, ChatTemplateFamily.guess(null));
        assertEquals("command-r", ChatTemplateFamily.COMMAND_R.displayName());
    }
}
