package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ADD: copies files, URLs or git repositories into the image.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param sources source paths or URLs
 * @param destination the last argument, empty when fewer than two arguments
 */
public record AddInstruction(Syntax syntax, List<Argument> sources, Optional<Argument> destination) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param sources sources
     * @param destination destination
     */
    public AddInstruction {
        Objects.requireNonNull(syntax, "syntax");
        sources = List.copyOf(sources);
        Objects.requireNonNull(destination, "destination");
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
     * The {@code --checksum} value.
     *
     * @return expected checksum
     */
    public Optional<String> checksum() {
        return flag("checksum");
    }

    /**
     * Whether {@code --keep-git-dir} is set.
     *
     * @return keep-git-dir flag
     */
    public boolean keepGitDir() {
        return booleanFlag("keep-git-dir");
    }

    /**
     * The {@code --unpack} value.
     *
     * @return unpack setting as written
     */
    public Optional<String> unpack() {
        return flag("unpack");
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
