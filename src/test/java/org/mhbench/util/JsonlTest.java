package org.mhbench.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines reading: values with their lines, and a bad line named by file and line. */
class JsonlTest {

    @TempDir
    Path tmp;

    record Item(String id, int n) {
        Item {
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0, got " + n);
            }
        }
    }

    private Path file(String text) throws IOException {
        return Files.writeString(tmp.resolve("f.jsonl"), text);
    }

    @Test
    void readsEveryValueSkippingBlankLines() throws IOException {
        Path f = file("{\"id\":\"a\",\"n\":1}\n\n   \n{\"id\":\"b\",\"n\":2,\"extra\":true}\r\n{\"id\":\"c\",\"n\":3}");
        assertEquals(List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3)), Jsonl.read(f, Item.class));
        List<Integer> lines = new ArrayList<>();
        Jsonl.forEachNode(f, (line, node) -> lines.add(line));
        assertEquals(List.of(1, 4, 5), lines);
        assertEquals(List.of(), Jsonl.read(file(""), Item.class));
        assertEquals(List.of(), Jsonl.read(file("\n\n"), Item.class));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        Path f = Files.write(tmp.resolve("bom.jsonl"), ("\uFEFF{\"id\":\"a\",\"n\":1}\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new Item("a", 1)), Jsonl.read(f, Item.class));
    }

    private Jsonl.BadLine bad(String text, Class<?> type) throws IOException {
        Path f = file(text);
        return assertThrows(Jsonl.BadLine.class, () -> Jsonl.read(f, type, Json.MAPPER));
    }

    @Test
    void aBadLineNamesFileAndLine() throws IOException {
        Jsonl.BadLine e = bad("{\"id\":\"a\",\"n\":1}\n\n{\"id\": oops}\n", Item.class);
        assertEquals(3, e.line());
        assertEquals(tmp.resolve("f.jsonl"), e.file());
        assertTrue(e.getMessage().startsWith(tmp.resolve("f.jsonl") + ":3: not JSON: Unrecognized token 'oops'"),
                e.getMessage());
        assertEquals(e.getMessage(), e.file() + ":" + e.line() + ": " + e.reason());

        Jsonl.BadLine torn = bad("{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\"", Item.class);
        assertEquals(2, torn.line());
        assertTrue(torn.reason().startsWith("not JSON: Unexpected end-of-input"), torn.reason());
    }

    @Test
    void aValueOfTheWrongShapeSaysWhatIsWrong() throws IOException {
        Jsonl.BadLine check = bad("{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":-1}\n", Item.class);
        assertEquals(2, check.line());
        assertEquals("not an Item: n must be >= 0, got -1", check.reason());
        assertEquals("n must be >= 0, got -1", check.detail());

        Jsonl.BadLine unknown = bad("{\"id\":\"a\",\"n\":1,\"extra\":2}\n", Item.class);
        assertTrue(unknown.reason().startsWith("not an Item: Unrecognized field \"extra\""), unknown.reason());
        Jsonl.BadLine type = bad("{\"id\":\"a\",\"n\":\"many\"}\n", Item.class);
        assertTrue(type.reason().startsWith("not an Item: Cannot deserialize value of type `int`"), type.reason());
        Jsonl.BadLine nothing = bad("\nnull\n", Item.class);
        assertEquals(2, nothing.line());
        assertTrue(nothing.reason().startsWith("not an Item: "), nothing.reason());
    }

    @Test
    void eachValueSitsOnALineOfItsOwn() throws IOException {
        Jsonl.BadLine two = bad("{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":2} {\"id\":\"c\",\"n\":3}\n", Item.class);
        assertEquals(2, two.line());
        assertEquals("more than one JSON value on this line", two.reason());
        Jsonl.BadLine spread = bad("{\"id\":\"a\",\n \"n\":1}\n", JsonNode.class);
        assertEquals(1, spread.line());
        assertTrue(spread.reason().startsWith("a JSON value spread over lines 1 to 2"), spread.reason());
    }

    /** Values reach the caller as they are read: a bad line further on is found after them. */
    @Test
    void readsOneValueAtATime() throws IOException {
        Path f = file("{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":2}\n{\n");
        List<String> seen = new ArrayList<>();
        Jsonl.BadLine e = assertThrows(Jsonl.BadLine.class, () -> Jsonl.forEach(f, Item.class, Json.LENIENT,
                (line, item) -> seen.add(line + ":" + item.id())));
        assertEquals(List.of("1:a", "2:b"), seen);
        assertEquals(3, e.line());
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> Jsonl.read(tmp.resolve("none.jsonl"), Item.class));
    }
}
