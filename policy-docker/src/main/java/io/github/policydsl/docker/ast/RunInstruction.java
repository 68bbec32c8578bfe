package io.github.policydsl.docker.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RUN: a command run at build time.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param command the exec-form elements, or a single element holding the shell-form text
 */
public record RunInstruction(Syntax syntax, List<String> command) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param command command
     */
    public RunInstruction {
        Objects.requireNonNull(syntax, "syntax");
        command = List.copyOf(command);
    }

    /**
     * The {@code --mount} options, parsed.
     *
     * @return mounts in order
     */
    public List<Mount> mounts() {
        List<Mount> out = new ArrayList<>();
        for (Flag f : syntax.flags()) {
            if (f.name().equals("mount")) {
                out.add(Mount.parse(f.value().orElse("")));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The {@code --network} value.
     *
     * @return network mode, empty when not given
     */
    public Optional<String> network() {
        return flag("network");
    }

    /**
     * The {@code --security} value.
     *
     * @return security mode, empty when not given
     */
    public Optional<String> security() {
        return flag("security");
    }

    /**
     * The {@code --device} values.
     *
     * @return devices
     */
    public List<String> devices() {
        return flagValues("device");
    }
}
