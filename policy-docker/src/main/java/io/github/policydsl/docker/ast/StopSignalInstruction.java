package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * STOPSIGNAL: the signal that stops the container.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param signal the signal as written; empty when missing
 */
public record StopSignalInstruction(Syntax syntax, String signal) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param signal signal
     */
    public StopSignalInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(signal, "signal");
    }
}
