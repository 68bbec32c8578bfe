package io.github.policydsl.docker.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * A leading {@code --name[=value]} option of an instruction, such as {@code --from=build}.
 *
 * @param text the flag as the parser stores it, e.g. {@code --chown=1000:1000} (quotes removed)
 * @param range where the flag is in the source
 */
public record Flag(String text, SourceRange range) {

    /**
     * Checks the components.
     *
     * @param text flag text
     * @param range source region
     */
    public Flag {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(range, "range");
    }

    /**
     * The flag name without the leading dashes, e.g. {@code from}.
     *
     * @return the name
     */
    public String name() {
        String t = text.startsWith("--") ? text.substring(2) : text;
        int eq = t.indexOf('=');
        return eq < 0 ? t : t.substring(0, eq);
    }

    /**
     * The value after the first {@code =}; empty for a bare flag such as {@code --link}.
     *
     * @return the value
     */
    public Optional<String> value() {
        int eq = text.indexOf('=');
        return eq < 0 ? Optional.empty() : Optional.of(text.substring(eq + 1));
    }
}
