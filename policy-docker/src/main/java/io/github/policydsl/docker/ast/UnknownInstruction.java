package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * An instruction keyword the parser does not know; the parser accepts it and the typed stage of the reference implementation rejects it.
 *
 * @param syntax keyword, flags, arguments and positions
 */
public record UnknownInstruction(Syntax syntax) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     */
    public UnknownInstruction {
        Objects.requireNonNull(syntax, "syntax");
    }
}
