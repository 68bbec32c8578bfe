package io.github.policydsl.docker.parse;

import java.util.Objects;

/**
 * The input is not a Dockerfile the reference parser accepts, or it exceeds a configured limit.
 * The message reads {@code name:line:column: problem}.
 */
public final class DockerfileParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param sourceName name of the input, e.g. a path
     * @param line 1-based line
     * @param column 1-based column
     * @param problem what is wrong
     */
    public DockerfileParseException(String sourceName, int line, int column, String problem) {
        this(sourceName, line, column, problem, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param sourceName name of the input
     * @param line 1-based line
     * @param column 1-based column
     * @param problem what is wrong
     * @param cause underlying error, may be null
     */
    public DockerfileParseException(String sourceName, int line, int column, String problem, Throwable cause) {
        super(sourceName + ":" + line + ":" + column + ": " + problem, cause);
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * The input's name.
     *
     * @return source name
     */
    public String sourceName() {
        return sourceName;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return line
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column of the problem.
     *
     * @return column
     */
    public int column() {
        return column;
    }

    /**
     * The problem without the location prefix.
     *
     * @return problem text
     */
    public String problem() {
        return problem;
    }
}
