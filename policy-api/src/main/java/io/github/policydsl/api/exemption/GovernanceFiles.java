package io.github.policydsl.api.exemption;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the top level of a governance file (JSON, or YAML through a YAML parser) keeping the line
 * of every top-level property and of every element of top-level arrays, so that errors name the
 * line. Trees lose positions; the streaming parser has them.
 */
final class GovernanceFiles {

    /** A value with the line it starts on. */
    record Located(int line, JsonNode node) {
    }

    /** The top-level properties of a document. */
    record Document(String file, Map<String, Located> properties, Map<String, List<Located>> arrays) {
    }

    private GovernanceFiles() {
    }

    static Document read(JsonParser parser, String file, Set<String> allowed) {
        Map<String, Located> properties = new LinkedHashMap<>();
        Map<String, List<Located>> arrays = new LinkedHashMap<>();
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new PolicyFileException(file, 0, "the file is empty", null);
            }
            if (t != JsonToken.START_OBJECT) {
                throw new PolicyFileException(file, line(parser), "expected a mapping at the top level", null);
            }
            while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                int nameLine = line(parser);
                if (!allowed.contains(name)) {
                    throw new PolicyFileException(file, nameLine, "unknown key '" + name + "' (expected one of "
                            + String.join(", ", allowed) + ")", null);
                }
                if (properties.containsKey(name) || arrays.containsKey(name)) {
                    throw new PolicyFileException(file, nameLine, "duplicate key '" + name + "'", null);
                }
                t = parser.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    List<Located> items = new ArrayList<>();
                    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                        int itemLine = line(parser);
                        items.add(new Located(itemLine, parser.readValueAsTree()));
                    }
                    arrays.put(name, items);
                } else {
                    properties.put(name, new Located(nameLine, parser.readValueAsTree()));
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new PolicyFileException(file, line(parser), "unexpected content", null);
            }
            if (parser.nextToken() != null) {
                throw new PolicyFileException(file, line(parser), "more than one document", null);
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new PolicyFileException(file, Math.max(line, 0), "cannot parse: " + e.getOriginalMessage(), e);
        }
        return new Document(file, properties, arrays);
    }

    private static int line(JsonParser parser) {
        int line = parser.currentTokenLocation().getLineNr();
        return Math.max(line, 0);
    }

    /** A required or optional text field of an entry; fails on a non-text value. */
    static String text(JsonNode entry, String field, String file, int line, boolean required) {
        JsonNode v = entry.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new PolicyFileException(file, line, "missing '" + field + "'", null);
            }
            return null;
        }
        if (!v.isString() || v.asString().isBlank()) {
            throw new PolicyFileException(file, line, "'" + field + "' must be a non-empty string", null);
        }
        return v.asString();
    }
}
