package org.mhbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhbench.TestFixtures;
import org.mhbench.util.Json;

/** {@code mhbench bench}: llama-bench's fields, every test it promises, on both local backends. */
class BenchCommandTest {

    static List<JsonNode> bench(String backend, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "-m", TestFixtures.tinyModel().toString(), "--backend",
                backend, "-t", "1", "-p", "64", "-n", "8", "-r", "2", "-o", "json"));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            rows.add(Json.MAPPER.readTree(line));
        }
        return rows;
    }

    @Test
    void measuresPromptGenerationAndItemsInLlamaBenchTerms() throws Exception {
        List<JsonNode> rows = bench("jni", "--items", "2", "--judge", "onnx");
        List<String> tests = rows.stream().map(n -> n.path("test").asText()).toList();
        assertEquals(List.of("pp64", "tg8", "stigma", "responses", "judge:onnx:mhbench-judge-e5s"), tests);
        for (JsonNode n : rows) {
            for (String field : List.of("model_filename", "model_type", "model_size", "model_n_params", "n_threads",
                    "n_prompt", "n_gen", "avg_ts", "stddev_ts", "samples_ts")) {
                assertTrue(n.has(field), field + " in " + n);
            }
            assertTrue(n.path("avg_ts").asDouble() > 0, n.toString());
            assertEquals("llama.cpp-jni", n.path("backend").asText());
        }
        JsonNode pp = rows.get(0);
        assertEquals(2, pp.path("samples_ts").size(), "two measured repetitions after the warm-up");
        assertTrue(Math.abs(pp.path("n_prompt").asInt() - 64) <= 8, "about 64 prompt tokens: " + pp);
        assertEquals(8, rows.get(1).path("n_gen").asInt());
    }

    @Test
    void aggregatesParallelSlotsOnTheServer() throws Exception {
        TestFixtures.llamaServer();
        List<JsonNode> rows = bench("server", "--items", "0", "--parallel", "1,2");
        List<String> tests = rows.stream().map(n -> n.path("test").asText()).toList();
        assertEquals(List.of("pp64", "tg8", "tg8x1", "tg8x2"), tests);
        assertEquals(2, rows.get(3).path("n_parallel").asInt());
        assertTrue(rows.stream().allMatch(n -> n.path("backend").asText().equals("llama-server")));
    }
}
