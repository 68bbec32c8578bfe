package io.github.policydsl.api.result;

/** The verdict of one rule on one subject. */
public enum Outcome {
    /** The subject complies. */
    PASS,
    /** A {@code must} rule is violated. */
    FAIL,
    /** A {@code should} rule is violated. */
    WARN,
    /** The rule could not be evaluated: the input could not be read, parsed or typed. */
    ERROR,
    /** The rule does not apply or the subject is exempted. */
    SKIP
}
