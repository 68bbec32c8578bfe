package io.github.policydsl.api.assertj;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Violation;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on one {@link Violation}. */
public class ViolationAssert extends AbstractAssert<ViolationAssert, Violation> {

    /**
     * Creates the assertion.
     *
     * @param actual the violation
     */
    public ViolationAssert(Violation actual) {
        super(actual, ViolationAssert.class);
    }

    /**
     * Verifies the file and line (the file may be given as a suffix of the path).
     *
     * @param file the file name or a suffix of it
     * @param line the 1-based line
     * @return this
     */
    public ViolationAssert isAt(String file, int line) {
        isNotNull();
        if (!actual.location().file().endsWith(file) || actual.location().line() != line) {
            failWithMessage("%nExpecting violation%n  %s%nto be at %s:%d but was at %s", actual.toLine(), file, line,
                    actual.location());
        }
        return this;
    }

    /**
     * Verifies the file, line and column.
     *
     * @param file the file name or a suffix of it
     * @param line the 1-based line
     * @param column the 1-based column
     * @return this
     */
    public ViolationAssert isAt(String file, int line, int column) {
        isAt(file, line);
        if (actual.location().column() != column) {
            failWithMessage("%nExpecting violation%n  %s%nto be at column %d but was at %s", actual.toLine(), column,
                    actual.location());
        }
        return this;
    }

    /**
     * Verifies the field path.
     *
     * @param dotted e.g. {@code spec.containers[0].securityContext.runAsNonRoot}
     * @return this
     */
    public ViolationAssert hasFieldPath(String dotted) {
        isNotNull();
        if (!actual.path().toString().equals(dotted)) {
            failWithMessage("%nExpecting violation%n  %s%nto concern field %s but it concerns %s", actual.toLine(), dotted,
                    actual.path());
        }
        return this;
    }

    /**
     * Verifies the rule id.
     *
     * @param ruleId the id
     * @return this
     */
    public ViolationAssert hasRuleId(String ruleId) {
        isNotNull();
        if (!actual.ruleId().equals(ruleId)) {
            failWithMessage("%nExpecting violation%n  %s%nto come from rule %s", actual.toLine(), ruleId);
        }
        return this;
    }

    /**
     * Verifies the subject, in its display form such as {@code Deployment prod/web, container "app"}.
     *
     * @param display the expected display text, or a prefix of it
     * @return this
     */
    public ViolationAssert concerns(String display) {
        isNotNull();
        if (!actual.subject().display().startsWith(display)) {
            failWithMessage("%nExpecting violation%n  %s%nto concern %s but it concerns %s", actual.toLine(), display,
                    actual.subject().display());
        }
        return this;
    }

    /**
     * Verifies that the message contains a text.
     *
     * @param text the text
     * @return this
     */
    public ViolationAssert hasMessageContaining(String text) {
        isNotNull();
        if (!actual.message().contains(text)) {
            failWithMessage("%nExpecting violation%n  %s%nto have a message containing %s", actual.toLine(), text);
        }
        return this;
    }

    /**
     * Verifies the outcome.
     *
     * @param outcome FAIL, WARN, ERROR or SKIP
     * @return this
     */
    public ViolationAssert hasOutcome(Outcome outcome) {
        isNotNull();
        if (actual.outcome() != outcome) {
            failWithMessage("%nExpecting violation%n  %s%nto be %s", actual.toLine(), outcome);
        }
        return this;
    }
}
