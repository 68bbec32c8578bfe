package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * WORKDIR: the working directory.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param path the path as written; empty when missing
 */
public record WorkdirInstruction(Syntax syntax, String path) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param path path
     */
    public WorkdirInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(path, "path");
    }
}
