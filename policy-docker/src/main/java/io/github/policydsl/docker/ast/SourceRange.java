package io.github.policydsl.docker.ast;

/**
 * A region of the source file. Lines and columns are 1-based. Columns count UTF-16 code units from
 * the start of the physical line (a byte that is not valid UTF-8 counts as one column; a UTF-8 byte
 * order mark on line 1 is not counted). The end is exclusive: {@code endColumn} is the column just
 * after the last character, as in SARIF regions. An empty region has equal start and end.
 *
 * @param startLine first line, 1-based
 * @param startColumn first column, 1-based
 * @param endLine last line, 1-based
 * @param endColumn column after the last character, 1-based
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {

    /**
     * Validates the positions.
     *
     * @param startLine first line
     * @param startColumn first column
     * @param endLine last line
     * @param endColumn column after the last character
     */
    public SourceRange {
        if (startLine < 1 || startColumn < 1 || endLine < startLine || endColumn < 1
                || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("invalid range " + startLine + ":" + startColumn + "-"
                    + endLine + ":" + endColumn);
        }
    }

    /**
     * Whether this region includes the given position.
     *
     * @param line 1-based line
     * @param column 1-based column
     * @return true when the position lies in {@code [start, end)}
     */
    public boolean contains(int line, int column) {
        if (line < startLine || line > endLine) {
            return false;
        }
        if (line == startLine && column < startColumn) {
            return false;
        }
        return line != endLine || column < endColumn;
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
