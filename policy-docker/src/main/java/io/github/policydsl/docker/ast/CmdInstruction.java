package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * CMD: the default command of the image.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param command the exec-form elements, or a single element holding the shell-form text
 */
public record CmdInstruction(Syntax syntax, List<String> command) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param command command
     */
    public CmdInstruction {
        Objects.requireNonNull(syntax, "syntax");
        command = List.copyOf(command);
    }
}
