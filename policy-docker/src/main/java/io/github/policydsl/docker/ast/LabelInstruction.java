package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * LABEL: adds image metadata.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param pairs the pairs in order
 */
public record LabelInstruction(Syntax syntax, List<KeyValue> pairs) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param pairs pairs
     */
    public LabelInstruction {
        Objects.requireNonNull(syntax, "syntax");
        pairs = List.copyOf(pairs);
    }
}
