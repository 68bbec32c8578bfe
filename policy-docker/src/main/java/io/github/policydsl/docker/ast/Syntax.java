package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Objects;

/**
 * What every instruction has in common: the keyword as written, flags, arguments as the reference
 * parser stores them, heredocs, the original text and source positions.
 *
 * @param keyword the keyword exactly as written ({@code RUN}, {@code run}, {@code Foo})
 * @param keywordRange where the keyword is
 * @param flags leading {@code --} options in order
 * @param arguments arguments in the reference parser's layout (empty for ONBUILD, whose nested
 *     instruction is {@link OnbuildInstruction#trigger()})
 * @param execForm whether the arguments were written as a JSON array
 * @param heredocs heredocs in the order their delimiters appear
 * @param original the logical line (continuations joined, escape characters removed)
 * @param comments comment lines directly preceding the instruction
 * @param range the whole instruction, including continuation lines and heredoc bodies
 */
public record Syntax(String keyword, SourceRange keywordRange, List<Flag> flags, List<Argument> arguments,
        boolean execForm, List<Heredoc> heredocs, String original, List<String> comments, SourceRange range) {

    /**
     * Copies the lists and checks the components.
     *
     * @param keyword keyword
     * @param keywordRange keyword region
     * @param flags flags
     * @param arguments arguments
     * @param execForm JSON form
     * @param heredocs heredocs
     * @param original original text
     * @param comments preceding comments
     * @param range whole region
     */
    public Syntax {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(keywordRange, "keywordRange");
        flags = List.copyOf(flags);
        arguments = List.copyOf(arguments);
        heredocs = List.copyOf(heredocs);
        Objects.requireNonNull(original, "original");
        comments = List.copyOf(comments);
        Objects.requireNonNull(range, "range");
    }
}
