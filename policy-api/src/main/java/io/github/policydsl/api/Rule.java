package io.github.policydsl.api;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;

/**
 * A rule: which subjects of an input it selects, and what they must or should satisfy. Rules are
 * immutable values and thread-safe; evaluating one never changes it.
 *
 * @param <I> the input type, e.g. {@code Manifests} or {@code Dockerfiles}
 */
public interface Rule<I extends EvaluationInput> {

    /** The stable id, e.g. {@code k8s.run-as-non-root}. */
    String id();

    /** The rule sentence, e.g. {@code pods must run as non-root, because ...}. */
    String description();

    /** The severity. */
    Severity severity();

    /** Must (FAIL) or should (WARN). */
    Level level();

    /** A one-line fix; empty if none was given. */
    String remediation();

    /** The catalogue entry. */
    default RuleInfo info() {
        return new RuleInfo(id(), description(), severity(), level(), remediation());
    }

    /**
     * Evaluates the rule, including the input's load errors as ERROR results.
     *
     * @param input the input
     * @return the report
     */
    Report evaluate(I input);

    /**
     * Evaluates the rule without the input's load errors, for use inside policies, which add the
     * load errors once.
     *
     * @param input the input
     * @return the report of this rule alone
     */
    Report evaluateRuleOnly(I input);

    /**
     * Evaluates and throws unless the input complies: the way to use a rule as a unit test.
     *
     * @param input the input
     * @throws io.github.policydsl.api.result.PolicyViolationError listing every violation
     */
    default void check(I input) {
        evaluate(input).assertCompliant();
    }
}
