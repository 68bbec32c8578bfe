package io.github.policydsl.api.exemption;

/**
 * A governance file (exemptions, baseline) that cannot be read or is malformed. The message names
 * the file and, when known, the line: files fail closed, never half-apply.
 */
public final class PolicyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param file the file
     * @param line the 1-based line, or 0 when unknown
     * @param problem what is wrong
     * @param cause the cause, or null
     */
    public PolicyFileException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
