package io.github.policydsl.docker.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: its instructions in file order, parser directives, and the build stages
 * with their resolved values. Immutable and thread-safe.
 *
 * <p>Variable expansion follows BuildKit: ARGs declared before the first FROM are global and only
 * usable in FROM lines unless redeclared inside a stage ({@code ARG NAME}); a stage built
 * {@code FROM} an earlier stage inherits its ARG and ENV values, USER and WORKDIR. Build argument
 * overrides ({@code --build-arg}) can be supplied with {@link #withBuildArgs(Map)}; the predefined
 * platform arguments ({@code TARGETPLATFORM}, ...) only have values when supplied that way.
 */
public final class Dockerfile {

    private final String sourceName;
    private final List<Instruction> instructions;
    private final Map<String, String> directives;
    private final char escapeToken;
    private final List<String> warnings;
    private final Map<String, String> buildArgs;
    private final List<Stage> stages;

    private Dockerfile(String sourceName, List<Instruction> instructions, Map<String, String> directives,
            char escapeToken, List<String> warnings, Map<String, String> buildArgs) {
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.instructions = List.copyOf(instructions);
        this.directives = Collections.unmodifiableMap(new LinkedHashMap<>(directives));
        if (escapeToken != '\\' && escapeToken != '`') {
            throw new IllegalArgumentException("escape token must be \\ or `");
        }
        this.escapeToken = escapeToken;
        this.warnings = List.copyOf(warnings);
        this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        this.stages = List.copyOf(Resolution.stages(this.instructions, this.buildArgs, escapeToken));
    }

    /**
     * Creates a Dockerfile from instructions (the parser uses this; it is also handy to build
     * test inputs).
     *
     * @param sourceName name used in messages, e.g. the file path
     * @param instructions instructions in file order
     * @param directives parser directives, lower-case name to value
     * @param escapeToken {@code \} or {@code `}
     * @param warnings parser warnings
     * @return the Dockerfile
     */
    public static Dockerfile of(String sourceName, List<Instruction> instructions, Map<String, String> directives,
            char escapeToken, List<String> warnings) {
        return new Dockerfile(sourceName, instructions, directives, escapeToken, warnings, Map.of());
    }

    /**
     * A copy whose stages are resolved with build argument overrides, as {@code --build-arg}.
     *
     * @param args name to value
     * @return the new Dockerfile
     */
    public Dockerfile withBuildArgs(Map<String, String> args) {
        return new Dockerfile(sourceName, instructions, directives, escapeToken, warnings, args);
    }

    /**
     * The source name given to the parser (usually a path).
     *
     * @return the name
     */
    public String sourceName() {
        return sourceName;
    }

    /**
     * All instructions in file order, including global ARGs before the first FROM.
     *
     * @return instructions
     */
    public List<Instruction> instructions() {
        return instructions;
    }

    /**
     * The number of instructions; an ONBUILD and its trigger count once.
     *
     * @return instruction count
     */
    public int instructionCount() {
        return instructions.size();
    }

    /**
     * Recognised parser directives ({@code syntax}, {@code escape}, {@code check}) in file order.
     *
     * @return lower-case name to value
     */
    public Map<String, String> directives() {
        return directives;
    }

    /**
     * A parser directive's value.
     *
     * @param name directive name, any case
     * @return the value, empty when absent
     */
    public Optional<String> directive(String name) {
        return Optional.ofNullable(directives.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The escape token: {@code \} unless changed by the {@code escape} directive.
     *
     * @return the escape character
     */
    public char escapeToken() {
        return escapeToken;
    }

    /**
     * Parser warnings such as empty continuation lines.
     *
     * @return warnings
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The build argument overrides used for resolution.
     *
     * @return name to value
     */
    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    /**
     * ARG instructions before the first FROM.
     *
     * @return global ARG instructions
     */
    public List<ArgInstruction> globalArgs() {
        List<ArgInstruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i instanceof FromInstruction) {
                break;
            }
            if (i instanceof ArgInstruction a) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The build stages in order.
     *
     * @return stages
     */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * The last stage, built by default.
     *
     * @return the final stage, empty when the file has no FROM
     */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /**
     * A stage by name (case-insensitive) or by index written as a number.
     *
     * @param nameOrIndex e.g. {@code build} or {@code 0}
     * @return the stage
     */
    public Optional<Stage> stage(String nameOrIndex) {
        String n = nameOrIndex.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.name().filter(n::equals).isPresent()) {
                return Optional.of(s);
            }
        }
        try {
            int idx = Integer.parseInt(n);
            if (idx >= 0 && idx < stages.size()) {
                return Optional.of(stages.get(idx));
            }
        } catch (NumberFormatException e) {
            // not an index
        }
        return Optional.empty();
    }

    /**
     * The stage an instruction belongs to.
     *
     * @param instruction an instruction of this file (compared by identity)
     * @return its stage, empty for instructions before the first FROM or foreign ones
     */
    public Optional<Stage> stageOf(Instruction instruction) {
        for (Stage s : stages) {
            for (Instruction i : s.instructions()) {
                if (i == instruction) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Dockerfile[" + sourceName + ", " + instructions.size() + " instructions, " + stages.size()
                + " stages]";
    }
}
