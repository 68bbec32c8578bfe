package io.github.policydsl.docker.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * FROM: starts a build stage.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param image the image reference as written (may contain {@code $VAR}); empty when missing
 * @param stageName the stage name after {@code AS}, lower-cased as the reference implementation
 *     does; empty when not named
 */
public record FromInstruction(Syntax syntax, String image, Optional<String> stageName) implements Instruction {

    /**
     * Checks the components.
     *
     * @param syntax common syntax
     * @param image image reference
     * @param stageName stage name
     */
    public FromInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(stageName, "stageName");
    }

    /**
     * The {@code --platform} value as written.
     *
     * @return platform, empty when not given
     */
    public Optional<String> platform() {
        return flag("platform");
    }

    /**
     * Whether the arguments have a shape the reference implementation accepts: one argument, or
     * three with {@code AS} (any case) in the middle.
     *
     * @return true for a well-formed FROM
     */
    public boolean isWellFormed() {
        int n = arguments().size();
        return n == 1 || (n == 3 && arguments().get(1).value().equalsIgnoreCase("as"));
    }
}
