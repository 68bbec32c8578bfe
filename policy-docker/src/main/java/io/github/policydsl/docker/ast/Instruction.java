package io.github.policydsl.docker.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Dockerfile instruction. Every implementation is an immutable record holding the common
 * {@link Syntax} plus typed accessors for its own arguments. Values are as written (no variable
 * expansion); use {@link Stage#expand(String, Instruction)} for resolved values.
 */
public sealed interface Instruction permits FromInstruction, RunInstruction, CmdInstruction,
        EntrypointInstruction, CopyInstruction, AddInstruction, EnvInstruction, ArgInstruction,
        LabelInstruction, UserInstruction, WorkdirInstruction, ExposeInstruction, VolumeInstruction,
        HealthcheckInstruction, ShellInstruction, StopSignalInstruction, OnbuildInstruction,
        MaintainerInstruction, UnknownInstruction {

    /**
     * The syntax shared by all instructions.
     *
     * @return keyword, flags, arguments, positions
     */
    Syntax syntax();

    /**
     * The keyword exactly as written.
     *
     * @return e.g. {@code Run}
     */
    default String keyword() {
        return syntax().keyword();
    }

    /**
     * The keyword in lower case, e.g. {@code run}.
     *
     * @return the lower-case keyword
     */
    default String normalizedKeyword() {
        return syntax().keyword().toLowerCase(Locale.ROOT);
    }

    /**
     * The leading {@code --} flags.
     *
     * @return flags in order
     */
    default List<Flag> flags() {
        return syntax().flags();
    }

    /**
     * The arguments in the reference parser's layout.
     *
     * @return arguments
     */
    default List<Argument> arguments() {
        return syntax().arguments();
    }

    /**
     * Whether the instruction (for ONBUILD: its trigger) was written as a JSON array.
     *
     * @return true for exec (JSON) form
     */
    default boolean isExecForm() {
        return syntax().execForm();
    }

    /**
     * Heredocs attached to the instruction.
     *
     * @return heredocs in order
     */
    default List<Heredoc> heredocs() {
        return syntax().heredocs();
    }

    /**
     * The whole instruction's region.
     *
     * @return the source range
     */
    default SourceRange range() {
        return syntax().range();
    }

    /**
     * The logical line, continuations joined.
     *
     * @return original text
     */
    default String original() {
        return syntax().original();
    }

    /**
     * The value of the last flag named {@code name} ({@code ""} for a bare flag).
     *
     * @param name flag name without dashes, e.g. {@code from}
     * @return the value, empty when the flag is absent
     */
    default Optional<String> flag(String name) {
        Optional<String> found = Optional.empty();
        for (Flag f : flags()) {
            if (f.name().equals(name)) {
                found = Optional.of(f.value().orElse(""));
            }
        }
        return found;
    }

    /**
     * All values of a repeatable flag such as {@code --mount} or {@code --exclude}.
     *
     * @param name flag name without dashes
     * @return the values in order
     */
    default List<String> flagValues(String name) {
        List<String> out = new ArrayList<>();
        for (Flag f : flags()) {
            if (f.name().equals(name)) {
                out.add(f.value().orElse(""));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a flag is present.
     *
     * @param name flag name without dashes
     * @return true when present
     */
    default boolean hasFlag(String name) {
        return flag(name).isPresent();
    }

    /**
     * Reads a boolean flag the way the typed stage does: a bare flag or {@code =true} is true.
     *
     * @param name flag name without dashes
     * @return true when set to true
     */
    default boolean booleanFlag(String name) {
        return flag(name).map(v -> v.isEmpty() || v.equalsIgnoreCase("true")).orElse(false);
    }
}
