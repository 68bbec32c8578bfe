package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * SHELL: the shell used for shell-form commands.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param shell the shell and its options
 */
public record ShellInstruction(Syntax syntax, List<String> shell) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param shell shell
     */
    public ShellInstruction {
        Objects.requireNonNull(syntax, "syntax");
        shell = List.copyOf(shell);
    }
}
