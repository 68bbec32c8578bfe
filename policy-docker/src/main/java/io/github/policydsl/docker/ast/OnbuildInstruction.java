package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ONBUILD: an instruction stored as a trigger for images built from this one.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param trigger the nested instruction, empty for a bare ONBUILD
 */
public record OnbuildInstruction(Syntax syntax, Optional<Instruction> trigger) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param trigger trigger
     */
    public OnbuildInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(trigger, "trigger");
    }
}
