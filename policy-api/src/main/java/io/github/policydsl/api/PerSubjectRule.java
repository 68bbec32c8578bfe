package io.github.policydsl.api;

import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.RuleResult;

import java.util.List;

/**
 * A rule that judges the subjects of one {@link SubjectSource} one at a time, as every rule built
 * with the fluent grammar does. A {@link Policy} evaluates all such rules over the same source in
 * a single pass over its subjects, so that each subject is read once while it is in the
 * processor's cache rather than once per rule, and splits that pass between threads by subject
 * when it evaluates in parallel. The report is the same as evaluating the rules one by one.
 *
 * @param <I> the input type
 * @param <T> the subject type
 */
public interface PerSubjectRule<I extends EvaluationInput, T extends Subject> extends Rule<I> {

    /**
     * Where the rule's subjects come from; rules that return the same instance share one pass.
     *
     * @return the source
     */
    SubjectSource<I, T> source();

    /**
     * Evaluates one subject of the source.
     *
     * @param input the input the subject comes from
     * @param subject a subject of {@link #source()}
     * @return the result, or {@code null} when the rule's selection does not include the subject
     */
    RuleResult evaluateSubject(I input, T subject);

    /**
     * Evaluates one subject with a collector the caller lends for the call: a rule may
     * {@link ConditionEvents#clear() clear} and use it instead of creating one of its own, which
     * spares an allocation per subject and rule. The collector is
     * {@link ConditionEvents#violationsOnly() violations-only} and belongs to the calling thread.
     * The default ignores it.
     *
     * @param input the input the subject comes from
     * @param subject a subject of {@link #source()}
     * @param scratch a collector to reuse
     * @return the result, or {@code null} when the rule's selection does not include the subject
     */
    default RuleResult evaluateSubject(I input, T subject, ConditionEvents scratch) {
        return evaluateSubject(input, subject);
    }

    /**
     * The result when the rule selected no subject at all.
     *
     * @param inputs the files read
     * @return the result, or {@code null} when an empty selection is fine
     */
    RuleResult emptySelection(List<InputInfo> inputs);
}
