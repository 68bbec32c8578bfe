package io.github.policydsl.docker.ast;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HEALTHCHECK: how to test that the container still works, or {@code NONE} to disable the check
 * inherited from the base image.
 *
 * @param syntax keyword, flags, arguments and positions
 * @param type the type word as written ({@code CMD}, {@code NONE}, ...); empty when missing
 * @param test the command: exec-form elements, or one element holding the shell-form text
 */
public record HealthcheckInstruction(Syntax syntax, String type, List<String> test) implements Instruction {

    /**
     * Checks and copies the components.
     *
     * @param syntax common syntax
     * @param type type word
     * @param test command
     */
    public HealthcheckInstruction {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(type, "type");
        test = List.copyOf(test);
    }

    /**
     * Whether this is {@code HEALTHCHECK NONE}.
     *
     * @return true when the check is disabled
     */
    public boolean isNone() {
        return type.toUpperCase(Locale.ROOT).equals("NONE");
    }

    /**
     * The {@code --interval} value as written.
     *
     * @return interval
     */
    public Optional<String> interval() {
        return flag("interval");
    }

    /**
     * The {@code --timeout} value as written.
     *
     * @return timeout
     */
    public Optional<String> timeout() {
        return flag("timeout");
    }

    /**
     * The {@code --start-period} value as written.
     *
     * @return start period
     */
    public Optional<String> startPeriod() {
        return flag("start-period");
    }

    /**
     * The {@code --start-interval} value as written.
     *
     * @return start interval
     */
    public Optional<String> startInterval() {
        return flag("start-interval");
    }

    /**
     * The {@code --retries} value as written.
     *
     * @return retries
     */
    public Optional<String> retries() {
        return flag("retries");
    }
}
