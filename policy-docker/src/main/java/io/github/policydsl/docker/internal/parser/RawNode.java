package io.github.policydsl.docker.internal.parser;

import io.github.policydsl.docker.ast.SourceRange;

import java.util.List;

/**
 * One instruction exactly as the reference parser stores it (keyword as written, flags as text,
 * argument strings), plus source positions.
 *
 * @param keyword keyword as written
 * @param keywordRange where the keyword is
 * @param flags leading {@code --} words, quotes removed
 * @param args argument strings (empty for ONBUILD, which uses {@code child})
 * @param child ONBUILD's nested instruction, or null
 * @param json whether the arguments were written as a JSON array
 * @param heredocs heredocs attached to this node
 * @param original the joined logical line
 * @param comments comment lines that precede the instruction
 * @param range whole instruction (for top-level nodes including heredoc bodies)
 * @param argsRange region of the argument text after the flags (empty when there is none)
 */
public record RawNode(String keyword, SourceRange keywordRange, List<RawText> flags, List<RawText> args,
        RawNode child, boolean json, List<RawHeredoc> heredocs, String original, List<String> comments,
        SourceRange range, SourceRange argsRange) {

    /**
     * A string with its region.
     *
     * @param value the string
     * @param range where it came from
     */
    public record RawText(String value, SourceRange range) {
    }

    /**
     * A heredoc as stored by the parser.
     *
     * @param name delimiter, quotes removed
     * @param fd file descriptor (0 when not written)
     * @param expand whether the body is subject to expansion
     * @param chomp {@code <<-}
     * @param content body text
     * @param range body and terminator lines
     */
    public record RawHeredoc(String name, int fd, boolean expand, boolean chomp, String content, SourceRange range) {
    }

    RawNode withHeredocsAndRange(List<RawHeredoc> docs, SourceRange r) {
        return new RawNode(keyword, keywordRange, flags, args, child, json, docs, original, comments, r, argsRange);
    }
}
