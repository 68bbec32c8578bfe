package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * ARG: declares build arguments.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param declarations the declarations in order
 */
public record ArgInstruction(Syntax syntax, List<ArgDeclaration> declarations) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param declarations declarations
     */
    public ArgInstruction {
        Objects.requireNonNull(syntax, "syntax");
        declarations = List.copyOf(declarations);
    }
}
