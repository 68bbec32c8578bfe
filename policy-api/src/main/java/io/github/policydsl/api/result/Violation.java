package io.github.policydsl.api.result;

import io.github.policydsl.api.Severity;

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
 * @param exemption why the finding is exempted or baselined (outcome SKIP), or an empty string
 */
public record Violation(String ruleId, Severity severity, Outcome outcome, String message, SubjectRef subject,
        Location location, FieldPath path, String exemption) implements Comparable<Violation> {

    /** Validates the components. */
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        exemption = exemption == null ? "" : exemption;
        if (outcome == Outcome.PASS) {
            throw new IllegalArgumentException("a violation cannot pass");
        }
        if (!exemption.isEmpty() && outcome != Outcome.SKIP) {
            throw new IllegalArgumentException("an exempted violation is skipped");
        }
    }

    /**
     * Creates a violation that is not exempted.
     *
     * @param ruleId the stable rule id
     * @param severity the rule's severity
     * @param outcome FAIL, WARN, ERROR or SKIP
     * @param message what is wrong
     * @param subject what the finding is about
     * @param location where the finding is
     * @param path the field that must change
     */
    public Violation(String ruleId, Severity severity, Outcome outcome, String message, SubjectRef subject,
            Location location, FieldPath path) {
        this(ruleId, severity, outcome, message, subject, location, path, "");
    }

    /** Whether the finding was exempted or baselined: it is SKIP and {@link #exemption()} says why. */
    public boolean isExempted() {
        return !exemption.isEmpty();
    }

    /**
     * This finding exempted: SKIP with the reason; message, subject, location and path stay.
     *
     * @param reason why, e.g. {@code exempted until 2027-03-31 by exemptions.yaml:4: chown needs root}
     * @return a new violation
     * @throws IllegalArgumentException if the reason is blank
     */
    public Violation exempt(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exemption needs a reason");
        }
        return new Violation(ruleId, severity, Outcome.SKIP, message, subject, location, path, reason);
    }

    /**
     * One line in compiler style: {@code file:line:col: FAIL HIGH rule-id Subject: message [path]},
     * followed by {@code (exempted: reason)} for an exempted finding.
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
        if (!exemption.isEmpty()) {
            sb.append(" (exempted: ").append(exemption).append(')');
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Violation o) {
        // location, rule id, subject, path, message; the same instances are common, so test identity first
        int c = location == o.location ? 0 : location.compareTo(o.location);
        if (c == 0 && ruleId != o.ruleId) {
            c = ruleId.compareTo(o.ruleId);
        }
        if (c == 0 && subject != o.subject) {
            c = subject.compareTo(o.subject);
        }
        if (c == 0 && path != o.path) {
            c = path.compareTo(o.path);
        }
        if (c == 0 && message != o.message) {
            c = message.compareTo(o.message);
        }
        return c;
    }

    @Override
    public String toString() {
        return toLine();
    }
}
