package io.github.policydsl.api.assertj;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import org.assertj.core.api.AbstractAssert;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * AssertJ assertions on a {@link Report}. Failure messages list the violations in compiler style
 * ({@code file:line:col: FAIL ...}) instead of dumping objects.
 */
public class ReportAssert extends AbstractAssert<ReportAssert, Report> {

    /**
     * Creates the assertion; use {@link PolicyAssertions#assertThat(Report)}.
     *
     * @param actual the report
     */
    public ReportAssert(Report actual) {
        super(actual, ReportAssert.class);
    }

    private static String lines(List<Violation> vs) {
        return vs.stream().map(v -> "  " + v.toLine()).collect(Collectors.joining("\n"));
    }

    /** Verifies that no result failed or errored (warnings allowed). */
    public ReportAssert hasNoFailures() {
        isNotNull();
        List<Violation> bad = actual.violations(Outcome.FAIL, Outcome.ERROR);
        if (!bad.isEmpty()) {
            failWithMessage("%nExpecting report to have no failures, but found %d:%n%s", bad.size(), lines(bad));
        }
        return this;
    }

    /** Verifies that no result failed, errored or warned. */
    public ReportAssert hasNoViolations() {
        isNotNull();
        List<Violation> bad = actual.violations(Outcome.FAIL, Outcome.ERROR, Outcome.WARN);
        if (!bad.isEmpty()) {
            failWithMessage("%nExpecting report to have no violations, but found %d:%n%s", bad.size(), lines(bad));
        }
        return this;
    }

    /**
     * Verifies that a rule failed at least once.
     *
     * @param ruleId the rule id
     * @return this
     */
    public ReportAssert hasFailuresFrom(String ruleId) {
        isNotNull();
        if (actual.violations(Outcome.FAIL).stream().noneMatch(v -> v.ruleId().equals(ruleId))) {
            failWithMessage("%nExpecting report to have failures from rule %s, but it failed only %s", ruleId,
                    failedRuleIds().isEmpty() ? "no rule" : "rules " + failedRuleIds());
        }
        return this;
    }

    /**
     * Verifies that exactly these rules failed.
     *
     * @param ruleIds the rule ids
     * @return this
     */
    public ReportAssert hasOnlyFailuresFrom(String... ruleIds) {
        isNotNull();
        Set<String> expected = new TreeSet<>(Arrays.asList(ruleIds));
        if (!failedRuleIds().equals(expected)) {
            failWithMessage("%nExpecting failures from exactly rules %s, but failed rules were %s:%n%s", expected,
                    failedRuleIds(), lines(actual.violations(Outcome.FAIL)));
        }
        return this;
    }

    /**
     * Verifies that a rule warned at least once.
     *
     * @param ruleId the rule id
     * @return this
     */
    public ReportAssert hasWarningsFrom(String ruleId) {
        isNotNull();
        if (actual.violations(Outcome.WARN).stream().noneMatch(v -> v.ruleId().equals(ruleId))) {
            failWithMessage("%nExpecting report to have warnings from rule %s, but it has none", ruleId);
        }
        return this;
    }

    /** The ids of failed rules, sorted. */
    private Set<String> failedRuleIds() {
        return actual.violations(Outcome.FAIL).stream().map(Violation::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Verifies that the report has exactly one FAIL, ERROR or WARN violation and returns
     * assertions on it.
     *
     * @return assertions on the violation
     */
    public ViolationAssert singleViolation() {
        isNotNull();
        List<Violation> bad = actual.violations(Outcome.FAIL, Outcome.ERROR, Outcome.WARN);
        if (bad.size() != 1) {
            failWithMessage("%nExpecting exactly one violation, but found %d:%n%s", bad.size(), lines(bad));
        }
        return new ViolationAssert(bad.get(0));
    }
}
