package io.github.policydsl.api.result;

import java.util.Objects;

/**
 * A position in a source file: 1-based line and column. A location with line 0 means that the
 * position is unknown (for example an object built in code).
 *
 * @param file the file name as given to the loader, or a label such as {@code <string>}
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    /** Validates the components. */
    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative line or column");
        }
    }

    /**
     * A location with no known position.
     *
     * @param file the file name
     * @return a location at line 0
     */
    public static Location unknown(String file) {
        return new Location(file, 0, 0);
    }

    /** Whether the line is known. */
    public boolean isKnown() {
        return line > 0;
    }

    /** The compiler-style form {@code file:line:col}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location o) {
        if (o == this) {
            return 0;
        }
        int c = file == o.file ? 0 : file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c;
    }
}
