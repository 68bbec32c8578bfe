package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;

/**
 * Pods, and pods after a selection: {@code pods()}, {@code pods().that().areInNamespace("x")}.
 * Continue with {@code that()}/{@code and()}/{@code or()} to select, or with {@code must()},
 * {@code should()}, {@code mustNot()}, {@code shouldNot()} to state conditions.
 */
public final class GivenPods extends AbstractSelection<Manifests, PodTemplate, PodRule> {

    /**
     * Creates the step; use {@code K8sRules.pods()}.
     *
     * @param spec the state
     */
    public GivenPods(RuleSpec<Manifests, PodTemplate> spec) {
        super(spec);
    }

    /** Starts a selection, ANDed with any selection so far. */
    public PodsThat that() {
        return new PodsThat(spec, "and");
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenPods that(DescribedPredicate<? super PodTemplate> predicate) {
        return new GivenPods(spec.select("and", predicate));
    }

    /** Narrows the selection. */
    public PodsThat and() {
        return new PodsThat(spec, "and");
    }

    /** Widens the selection (evaluated left to right). */
    public PodsThat or() {
        return new PodsThat(spec, "or");
    }

    @Override
    protected PodRule rule(RuleSpec<Manifests, PodTemplate> ruleSpec) {
        return new PodRule(ruleSpec);
    }
}
