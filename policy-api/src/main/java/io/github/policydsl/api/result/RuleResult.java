package io.github.policydsl.api.result;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one rule on one subject, with the violations behind it. A passing result has no
 * violations; any other result has at least one.
 *
 * @param rule the rule
 * @param subject the subject
 * @param location where the subject starts in its source
 * @param outcome the verdict
 * @param violations the findings, sorted
 */
public record RuleResult(RuleInfo rule, SubjectRef subject, Location location, Outcome outcome,
        List<Violation> violations) {

    /** Validates the components and copies the list. */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(outcome, "outcome");
        if (violations.isEmpty()) {
            violations = List.of();
        } else if (violations.size() == 1) {
            violations = List.of(violations.get(0));
        } else {
            Violation[] sorted = violations.toArray(new Violation[0]);
            for (Violation v : sorted) {
                Objects.requireNonNull(v, "violation");
            }
            java.util.Arrays.sort(sorted);
            violations = java.util.Collections.unmodifiableList(java.util.Arrays.asList(sorted));
        }
        if (outcome == Outcome.PASS && !violations.isEmpty()) {
            throw new IllegalArgumentException("a passing result has no violations");
        }
        if (outcome != Outcome.PASS && violations.isEmpty()) {
            throw new IllegalArgumentException("a " + outcome + " result needs at least one violation");
        }
    }
}
