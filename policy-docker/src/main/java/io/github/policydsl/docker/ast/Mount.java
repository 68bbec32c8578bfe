package io.github.policydsl.docker.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code RUN --mount=...} option, split into its comma-separated fields (double quotes group
 * text, as in CSV). Values are unexpanded.
 *
 * @param text the option value as written after {@code --mount=}
 * @param options the fields in order; a field without {@code =} maps to {@code ""}; keys lower-cased
 */
public record Mount(String text, Map<String, String> options) {

    /**
     * Checks and copies the components.
     *
     * @param text option text
     * @param options fields
     */
    public Mount {
        Objects.requireNonNull(text, "text");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Parses a mount option value.
     *
     * @param text the text after {@code --mount=}
     * @return the mount
     */
    public static Mount parse(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String field : splitCsv(text)) {
            if (field.isEmpty()) {
                continue;
            }
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : field.substring(eq + 1);
            options.put(key, value);
        }
        return new Mount(text, options);
    }

    private static List<String> splitCsv(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * The mount type ({@code bind} when not given).
     *
     * @return type
     */
    public String type() {
        return options.getOrDefault("type", "bind").toLowerCase(Locale.ROOT);
    }

    /**
     * The target path ({@code target}, {@code dst} or {@code destination}).
     *
     * @return target
     */
    public Optional<String> target() {
        for (String k : List.of("target", "dst", "destination")) {
            if (options.containsKey(k)) {
                return Optional.of(options.get(k));
            }
        }
        return Optional.empty();
    }

    /**
     * A field's value.
     *
     * @param key field name, lower case
     * @return value, empty when absent
     */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
