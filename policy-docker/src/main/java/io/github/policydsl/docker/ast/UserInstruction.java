package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * USER: the user (and optional group) that runs later instructions and the container.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param user the text as written, e.g. {@code app:app}; empty when missing
 */
public record UserInstruction(Syntax syntax, String user) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param user user
     */
    public UserInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(user, "user");
    }
}
