package io.github.policydsl.docker.internal.shell;

/** Variable substitution or word splitting failed (bad substitution, unclosed quote, ...). */
public final class ShellLexException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ShellLexException(String message) {
        super(message);
    }
}
