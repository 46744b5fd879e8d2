package org.mhbench.stimuli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.util.Json;

/**
 * JSON read into a Jackson tree that remembers the line where each object and array starts, so that
 * a validation error found after parsing can still name its line. Duplicate keys are an error.
 * Both whole JSON files ({@link #readFile}) and JSON Lines ({@link #readLines}) are supported.
 */
public final class LocatedJson {

    private final Path file;
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    private final List<JsonNode> values = new ArrayList<>();

    private LocatedJson(Path file) {
        this.file = file;
    }

    /** Reads a file holding one JSON value ({@link #root()}). */
    public static LocatedJson readFile(Path file) {
        LocatedJson located = new LocatedJson(file);
        located.values.add(located.parse(readText(file), 0));
        return located;
    }

    /** Reads a JSON Lines file: one value per non-blank line ({@link #values()}). */
    public static LocatedJson readLines(Path file) {
        LocatedJson located = new LocatedJson(file);
        String[] rows = readText(file).split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (!rows[i].isBlank()) {
                located.values.add(located.parse(rows[i], i));
            }
        }
        return located;
    }

    /** The value of a whole-file read. */
    public JsonNode root() {
        return values.get(0);
    }

    /** The values of a JSON Lines read, in file order. */
    public List<JsonNode> values() {
        return List.copyOf(values);
    }

    private static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StimulusFormatException(file, 0, "file not found (every stimulus file must be present; see "
                    + "stimuli/README.md)");
        }
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The 1-based line where {@code node} starts, or 0 if it is not from this file. */
    public int lineOf(JsonNode node) {
        return lines.getOrDefault(node, 0);
    }

    public Path file() {
        return file;
    }

    private JsonNode parse(String text, int lineOffset) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new StimulusFormatException(file, lineOffset + 1, "empty: expected a JSON value");
            }
            JsonNode node = value(p, lineOffset);
            if (p.nextToken() != null) {
                throw new StimulusFormatException(file, lineOffset + p.currentTokenLocation().getLineNr(),
                        "unexpected text after the JSON value (JSON Lines holds one object per line)");
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : lineOffset + e.getLocation().getLineNr();
            throw new StimulusFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private JsonNode value(JsonParser p, int lineOffset) throws IOException {
        int line = lineOffset + p.currentTokenLocation().getLineNr();
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                lines.put(o, line);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p, lineOffset));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                lines.put(a, line);
                List<JsonNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, lineOffset));
                }
                a.addAll(items);
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return f.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return f.booleanNode(false);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new StimulusFormatException(file, line, "unexpected JSON token " + p.currentToken());
        }
    }
}
