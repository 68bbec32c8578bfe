package io.github.policydsl.docker.ast;

import java.util.Objects;

/**
 * One argument of an instruction as the parser stores it: no variable expansion; JSON escapes
 * decoded in exec form; quotes kept where the reference parser keeps them.
 *
 * @param value the argument text
 * @param range where it is in the source (for JSON elements: the quoted token)
 */
public record Argument(String value, SourceRange range) {
    /**
     * Checks the components.
     *
     * @param value the argument text
     * @param range source region
     */
    public Argument {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(range, "range");
    }
}
