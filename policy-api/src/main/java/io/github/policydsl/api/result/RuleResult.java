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
            boolean sorted = true;
            Violation previous = null;
            for (int i = 0; i < violations.size(); i++) {
                Violation v = Objects.requireNonNull(violations.get(i), "violation");
                sorted &= previous == null || previous.compareTo(v) <= 0;
                previous = v;
            }
            if (sorted) {
                violations = List.copyOf(violations); // an unmodifiable list already is not copied again
            } else {
                Violation[] all = violations.toArray(new Violation[0]);
                java.util.Arrays.sort(all);
                violations = List.of(all);
            }
        }
        if (outcome == Outcome.PASS && !violations.isEmpty()) {
            throw new IllegalArgumentException("a passing result has no violations");
        }
        if (outcome != Outcome.PASS && violations.isEmpty()) {
            throw new IllegalArgumentException("a " + outcome + " result needs at least one violation");
        }
    }
}
