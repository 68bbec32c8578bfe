package io.github.policydsl.api.assertj;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;

/**
 * Entry point of the AssertJ assertions for policy results. Needs {@code org.assertj:assertj-core}
 * on the test classpath (an optional dependency of this library).
 *
 * <pre>{@code
 * import static io.github.policydsl.api.assertj.PolicyAssertions.assertThat;
 *
 * assertThat(rule.evaluate(manifests)).singleViolation()
 *         .isAt("bad-pod.yaml", 12).hasFieldPath("spec.containers[0].securityContext.runAsNonRoot");
 * }</pre>
 */
public class PolicyAssertions {

    /** Not instantiated except by subclasses that add entry points. */
    protected PolicyAssertions() {
    }

    /**
     * Assertions on a report.
     *
     * @param report the report
     * @return the assertion
     */
    public static ReportAssert assertThat(Report report) {
        return new ReportAssert(report);
    }

    /**
     * Assertions on a violation.
     *
     * @param violation the violation
     * @return the assertion
     */
    public static ViolationAssert assertThat(Violation violation) {
        return new ViolationAssert(violation);
    }
}
