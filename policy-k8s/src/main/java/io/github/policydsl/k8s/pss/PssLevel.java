package io.github.policydsl.k8s.pss;

import java.util.Objects;

/**
 * A Pod Security Standards level, as selected by the namespace labels
 * {@code pod-security.kubernetes.io/enforce}, {@code audit} and {@code warn}.
 *
 * <p>The levels are cumulative: {@link #RESTRICTED} includes every {@link #BASELINE} check
 * (except the baseline checks that a restricted check replaces), and {@link #PRIVILEGED} runs no
 * check at all. The declaration order is the strictness order.
 */
public enum PssLevel {

    /** Unrestricted: every pod is allowed. */
    PRIVILEGED("privileged"),

    /** Minimally restrictive: prevents known privilege escalations. */
    BASELINE("baseline"),

    /** Heavily restricted: current pod hardening best practice. */
    RESTRICTED("restricted");

    private final String label;

    PssLevel(String label) {
        this.label = label;
    }

    /**
     * The label value of this level, as written in namespace labels: {@code privileged},
     * {@code baseline} or {@code restricted}.
     *
     * @return the lower-case label value
     */
    public String label() {
        return label;
    }

    /**
     * Parses a level the way the admission controller parses a namespace label: exactly
     * {@code privileged}, {@code baseline} or {@code restricted}, case-sensitive.
     *
     * @param text the label value
     * @return the level
     * @throws IllegalArgumentException if {@code text} is not one of the three values
     * @throws NullPointerException if {@code text} is null
     */
    public static PssLevel parse(String text) {
        Objects.requireNonNull(text, "text");
        for (PssLevel level : values()) {
            if (level.label.equals(text)) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "invalid Pod Security level \"" + text + "\": must be one of privileged, baseline, restricted");
    }

    /**
     * Whether this level is stricter than another (privileged &lt; baseline &lt; restricted).
     *
     * @param other the level to compare with
     * @return true if this level enforces more than {@code other}
     */
    public boolean isStricterThan(PssLevel other) {
        return compareTo(Objects.requireNonNull(other, "other")) > 0;
    }

    /** The label value, e.g. {@code restricted}. */
    @Override
    public String toString() {
        return label;
    }
}
