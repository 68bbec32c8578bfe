package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * VOLUME: declares mount points.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param paths the paths
 */
public record VolumeInstruction(Syntax syntax, List<Argument> paths) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param paths paths
     */
    public VolumeInstruction {
        Objects.requireNonNull(syntax, "syntax");
        paths = List.copyOf(paths);
    }
}
