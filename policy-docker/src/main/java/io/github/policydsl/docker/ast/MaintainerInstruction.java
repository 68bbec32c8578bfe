package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * MAINTAINER (deprecated): the image author.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param maintainer the text as written
 */
public record MaintainerInstruction(Syntax syntax, String maintainer) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param maintainer maintainer
     */
    public MaintainerInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(maintainer, "maintainer");
    }
}
