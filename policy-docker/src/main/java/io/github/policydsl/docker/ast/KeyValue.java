package io.github.policydsl.docker.ast;

import java.util.Objects;

/**
 * One pair of an ENV or LABEL instruction, unexpanded (quotes and escapes kept as written).
 *
 * @param key the key text
 * @param value the value text
 * @param legacyForm true for the {@code ENV key value} form, false for {@code key=value}
 * @param keyRange where the key is
 * @param valueRange where the value is
 */
public record KeyValue(String key, String value, boolean legacyForm, SourceRange keyRange, SourceRange valueRange) {
    /**
     * Checks the components.
     *
     * @param key key
     * @param value value
     * @param legacyForm legacy form flag
     * @param keyRange key region
     * @param valueRange value region
     */
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyRange, "keyRange");
        Objects.requireNonNull(valueRange, "valueRange");
    }
}
