package io.github.policydsl.api;

import java.util.Locale;

/** How serious a violation of a rule is, from most to least severe. */
public enum Severity {
    /** Exploitable now; fix before deploying. */
    CRITICAL,
    /** A direct weakening of isolation or access control. */
    HIGH,
    /** Defense in depth that should be in place. */
    MEDIUM,
    /** Hygiene. */
    LOW,
    /** Information only. */
    INFO;

    /**
     * Parses a severity name, case-insensitively.
     *
     * @param text the name, e.g. {@code "high"}
     * @return the severity
     * @throws IllegalArgumentException for an unknown name
     */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text
                    + "' (expected critical, high, medium, low or info)", e);
        }
    }

    /**
     * Whether this severity is at least as severe as {@code other}.
     *
     * @param other the threshold
     * @return true if this is {@code other} or more severe
     */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
