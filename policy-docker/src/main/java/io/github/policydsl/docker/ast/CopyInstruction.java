package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * COPY: copies files into the image.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param sources source paths (heredoc words such as {@code <<EOF} included)
 * @param destination the last argument, empty when fewer than two arguments
 */
public record CopyInstruction(Syntax syntax, List<Argument> sources, Optional<Argument> destination) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param sources sources
     * @param destination destination
     */
    public CopyInstruction {
        Objects.requireNonNull(syntax, "syntax");
        sources = List.copyOf(sources);
        Objects.requireNonNull(destination, "destination");
    }

    /**
     * The {@code --from} value (stage name, index or image).
     *
     * @return source stage or image
     */
    public Optional<String> from() {
        return flag("from");
    }

    /**
     * The {@code --chown} value.
     *
     * @return owner, unexpanded
     */
    public Optional<String> chown() {
        return flag("chown");
    }

    /**
     * The {@code --chmod} value.
     *
     * @return mode, unexpanded
     */
    public Optional<String> chmod() {
        return flag("chmod");
    }

    /**
     * Whether {@code --link} is set.
     *
     * @return link flag
     */
    public boolean link() {
        return booleanFlag("link");
    }

    /**
     * Whether {@code --parents} is set.
     *
     * @return parents flag
     */
    public boolean parents() {
        return booleanFlag("parents");
    }

    /**
     * The {@code --exclude} patterns.
     *
     * @return patterns in order
     */
    public List<String> excludes() {
        return flagValues("exclude");
    }
}
