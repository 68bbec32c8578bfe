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

    /**
     * Validates the components and keeps an immutable snapshot of the list, sorted. A list made
     * by {@code List.of} is its own snapshot and is kept as it is when already sorted.
     */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(violations, "violations");
        List<Violation> snapshot;
        try {
            snapshot = List.copyOf(violations); // rejects null elements
        } catch (NullPointerException e) {
            throw new NullPointerException("violation");
        }
        violations = sorted(snapshot);
        if (outcome == Outcome.PASS && !violations.isEmpty()) {
            throw new IllegalArgumentException("a passing result has no violations");
        }
        if (outcome != Outcome.PASS && violations.isEmpty()) {
            throw new IllegalArgumentException("a " + outcome + " result needs at least one violation");
        }
    }

    /** The snapshot itself if its violations are in order, else a sorted copy (stable). */
    private static List<Violation> sorted(List<Violation> snapshot) {
        for (int i = 1; i < snapshot.size(); i++) {
            if (snapshot.get(i - 1).compareTo(snapshot.get(i)) > 0) {
                Violation[] all = snapshot.toArray(new Violation[0]);
                java.util.Arrays.sort(all);
                return List.of(all);
            }
        }
        return snapshot;
    }
}
