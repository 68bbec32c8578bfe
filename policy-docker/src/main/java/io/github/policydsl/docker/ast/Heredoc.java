package io.github.policydsl.docker.ast;

import java.util.Objects;

/**
 * A here-document attached to RUN, COPY or ADD (or to ONBUILD wrapping one of them).
 *
 * @param name the delimiter with quotes removed
 * @param fileDescriptor the file descriptor written before {@code <<} (0 when absent)
 * @param expand whether variables in the body are expanded (false when the delimiter was quoted)
 * @param chompTabs whether it was written {@code <<-} (leading tabs removed when used)
 * @param content the body exactly as written, line endings included, tabs not removed
 * @param range the body lines and the terminator line
 */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chompTabs, String content,
        SourceRange range) {

    /**
     * Checks the components.
     *
     * @param name delimiter
     * @param fileDescriptor file descriptor
     * @param expand expansion flag
     * @param chompTabs {@code <<-}
     * @param content body
     * @param range source region
     */
    public Heredoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(range, "range");
    }

    /**
     * The body as it is used: for {@code <<-}, leading tabs are removed from every line.
     *
     * @return the effective body text
     */
    public String effectiveContent() {
        if (!chompTabs) {
            return content;
        }
        StringBuilder sb = new StringBuilder(content.length());
        boolean lineStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (lineStart && c == '\t') {
                continue;
            }
            sb.append(c);
            lineStart = c == '\n';
        }
        return sb.toString();
    }
}
