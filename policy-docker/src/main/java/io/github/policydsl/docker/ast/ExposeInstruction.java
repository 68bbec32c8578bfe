package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * EXPOSE: documents listening ports.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param ports the port words as written
 */
public record ExposeInstruction(Syntax syntax, List<Argument> ports) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param ports ports
     */
    public ExposeInstruction {
        Objects.requireNonNull(syntax, "syntax");
        ports = List.copyOf(ports);
    }
}
