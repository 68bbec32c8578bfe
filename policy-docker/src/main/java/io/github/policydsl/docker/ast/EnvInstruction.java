package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * ENV: sets environment variables.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param pairs the pairs in order
 */
public record EnvInstruction(Syntax syntax, List<KeyValue> pairs) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param pairs pairs
     */
    public EnvInstruction {
        Objects.requireNonNull(syntax, "syntax");
        pairs = List.copyOf(pairs);
    }
}
