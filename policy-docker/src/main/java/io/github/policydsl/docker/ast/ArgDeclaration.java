package io.github.policydsl.docker.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One declaration of an ARG instruction: {@code NAME} or {@code NAME=default}.
 *
 * @param name the name (text before the first {@code =}, unexpanded)
 * @param defaultValue the default (text after the first {@code =}, unexpanded); empty when absent
 * @param range where the word is
 */
public record ArgDeclaration(String name, Optional<String> defaultValue, SourceRange range) {
    /**
     * Checks the components.
     *
     * @param name name
     * @param defaultValue default
     * @param range source region
     */
    public ArgDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(range, "range");
    }
}
