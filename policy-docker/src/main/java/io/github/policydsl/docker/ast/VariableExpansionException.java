package io.github.policydsl.docker.ast;

/**
 * A word could not be expanded: bad substitution syntax, an unclosed quote, or a
 * {@code ${VAR:?message}} whose variable is unset. The build would fail at the same point.
 */
public final class VariableExpansionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public VariableExpansionException(String message) {
        super(message);
    }
}
