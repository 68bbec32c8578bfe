package io.github.policydsl.api;

/**
 * The strength of a rule, after RFC 2119: a broken {@code must} rule fails, a broken {@code should}
 * rule only warns.
 */
public enum Level {
    /** Violations are {@link io.github.policydsl.api.result.Outcome#FAIL}. */
    MUST,
    /** Violations are {@link io.github.policydsl.api.result.Outcome#WARN}. */
    SHOULD;

    /** The word used in rule sentences. */
    public String word() {
        return this == MUST ? "must" : "should";
    }
}
