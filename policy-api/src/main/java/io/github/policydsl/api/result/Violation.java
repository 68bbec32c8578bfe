package io.github.policydsl.api.result;

import io.github.policydsl.api.Severity;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding: a rule that did not pass for a subject, at a field of a source file.
 *
 * @param ruleId the stable rule id
 * @param severity the rule's severity
 * @param outcome FAIL, WARN, ERROR or SKIP
 * @param message what is wrong, a statement about the subject
 * @param subject what the finding is about
 * @param location file, line and column of the most specific existing node on {@code path}
 * @param path the field that must change, even when absent from the source
 */
public record Violation(String ruleId, Severity severity, Outcome outcome, String message, SubjectRef subject,
        Location location, FieldPath path) implements Comparable<Violation> {

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::location)
            .thenComparing(Violation::ruleId)
            .thenComparing(Violation::subject)
            .thenComparing(Violation::path)
            .thenComparing(Violation::message);

    /** Validates the components. */
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        if (outcome == Outcome.PASS) {
            throw new IllegalArgumentException("a violation cannot pass");
        }
    }

    /**
     * One line in compiler style: {@code file:line:col: FAIL HIGH rule-id Subject: message [path]}.
     *
     * @return the line
     */
    public String toLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(location).append(": ").append(outcome).append(' ').append(severity).append(' ')
                .append(ruleId).append(' ').append(subject.display()).append(": ").append(message);
        if (!path.isRoot()) {
            sb.append(" [").append(path).append(']');
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Violation o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return toLine();
    }
}
