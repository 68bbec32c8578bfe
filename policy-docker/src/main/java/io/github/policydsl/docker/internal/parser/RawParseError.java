package io.github.policydsl.docker.internal.parser;

/** A parse failure with its 1-based position; converted to the public exception by the caller. */
public final class RawParseError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * Creates the error.
     *
     * @param line 1-based line
     * @param column 1-based column
     * @param message problem
     */
    public RawParseError(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** @return 1-based line */
    public int line() {
        return line;
    }

    /** @return 1-based column */
    public int column() {
        return column;
    }
}
