package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.Manifests;

import java.util.Objects;
import java.util.function.Function;

/**
 * Objects of one kind, and objects after a selection: {@code roles()},
 * {@code networkPolicies().that().areInNamespace("x")}. Continue with {@code that()}/{@code and()}/
 * {@code or()} to select, or with {@code must()}, {@code should()}, {@code mustNot()},
 * {@code shouldNot()} to state conditions. Immutable.
 *
 * @param <T> the subject type
 * @param <R> the rule type of the subject
 */
public final class GivenObjects<T extends ObjectSubject, R> extends AbstractSelection<Manifests, T, R> {

    private final Function<RuleSpec<Manifests, T>, R> rules;

    /**
     * Creates the step; use the entry points of {@code K8sRules}.
     *
     * @param spec the state
     * @param rules creates the rule type from a state
     */
    public GivenObjects(RuleSpec<Manifests, T> spec, Function<RuleSpec<Manifests, T>, R> rules) {
        super(spec);
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Starts a selection, ANDed with any selection so far. */
    public ObjectsThat<T, R> that() {
        return new ObjectsThat<>(spec, "and", rules);
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenObjects<T, R> that(DescribedPredicate<? super T> predicate) {
        return new GivenObjects<>(spec.select("and", predicate), rules);
    }

    /** Narrows the selection. */
    public ObjectsThat<T, R> and() {
        return new ObjectsThat<>(spec, "and", rules);
    }

    /** Widens the selection (evaluated left to right). */
    public ObjectsThat<T, R> or() {
        return new ObjectsThat<>(spec, "or", rules);
    }

    @Override
    protected R rule(RuleSpec<Manifests, T> ruleSpec) {
        return rules.apply(ruleSpec);
    }
}
