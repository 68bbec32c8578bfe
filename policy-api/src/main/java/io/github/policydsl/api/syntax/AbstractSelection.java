package io.github.policydsl.api.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.Level;
import io.github.policydsl.api.Subject;

import java.util.Objects;

/**
 * The step of the grammar from which {@code must()}, {@code should()}, {@code mustNot()} and
 * {@code shouldNot()} start: the subjects alone ({@code pods()}) or the subjects after a
 * selection ({@code pods().that().areInNamespace("x")}).
 *
 * @param <I> the input type
 * @param <T> the subject type
 * @param <R> the rule type of the domain
 */
public abstract class AbstractSelection<I, T extends Subject, R> {

    /** The state so far. */
    protected final RuleSpec<I, T> spec;

    /**
     * Creates the step.
     *
     * @param spec the state so far
     */
    protected AbstractSelection(RuleSpec<I, T> spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * Creates the domain rule from the state.
     *
     * @param ruleSpec the state
     * @return the rule
     */
    protected abstract R rule(RuleSpec<I, T> ruleSpec);

    /** Conditions follow; violations FAIL. */
    public R must() {
        return rule(spec.withLevel(Level.MUST, false));
    }

    /** Conditions follow; violations WARN. */
    public R should() {
        return rule(spec.withLevel(Level.SHOULD, false));
    }

    /** Negated conditions follow; a subject that satisfies any of them FAILs. */
    public R mustNot() {
        return rule(spec.withLevel(Level.MUST, true));
    }

    /** Negated conditions follow; a subject that satisfies any of them WARNs. */
    public R shouldNot() {
        return rule(spec.withLevel(Level.SHOULD, true));
    }

    /**
     * A custom condition at {@code must} level.
     *
     * @param condition the condition
     * @return the rule
     */
    public R must(Condition<? super T> condition) {
        return rule(spec.withLevel(Level.MUST, false).withCondition(condition));
    }

    /**
     * A custom condition at {@code should} level.
     *
     * @param condition the condition
     * @return the rule
     */
    public R should(Condition<? super T> condition) {
        return rule(spec.withLevel(Level.SHOULD, false).withCondition(condition));
    }
}
