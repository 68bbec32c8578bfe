package io.github.policydsl.api.result;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;

import java.util.Objects;

/**
 * The catalogue entry of a rule: what report writers need to describe it.
 *
 * @param id the stable rule id
 * @param description the rule sentence
 * @param severity the severity
 * @param level must or should
 * @param remediation a one-line fix, or an empty string
 */
public record RuleInfo(String id, String description, Severity severity, Level level, String remediation) {
    /** Validates the components. */
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(level, "level");
        remediation = remediation == null ? "" : remediation;
    }
}
