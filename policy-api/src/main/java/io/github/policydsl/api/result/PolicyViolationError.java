package io.github.policydsl.api.result;

import java.util.List;

/**
 * Thrown by {@link Report#assertCompliant()} when a report holds failures or errors. Its message
 * lists every such violation, one per line, in compiler style.
 */
public final class PolicyViolationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the error.
     *
     * @param message the full message
     * @param violations the violations that caused it
     */
    public PolicyViolationError(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** The violations that caused this error. */
    public List<Violation> violations() {
        return violations;
    }
}
