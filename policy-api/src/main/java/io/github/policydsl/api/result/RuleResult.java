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
            Violation[] all = violations.toArray(new Violation[0]); // one snapshot, checked and kept
            boolean sorted = true;
            for (int i = 0; i < all.length; i++) {
                Objects.requireNonNull(all[i], "violation");
                sorted &= i == 0 || all[i - 1].compareTo(all[i]) <= 0;
            }
            if (!sorted) {
                java.util.Arrays.sort(all);
            }
            violations = List.of(all);
        }
        if (outcome == Outcome.PASS && !violations.isEmpty()) {
            throw new IllegalArgumentException("a passing result has no violations");
        }
        if (outcome != Outcome.PASS && violations.isEmpty()) {
            throw new IllegalArgumentException("a " + outcome + " result needs at least one violation");
        }
    }
}
