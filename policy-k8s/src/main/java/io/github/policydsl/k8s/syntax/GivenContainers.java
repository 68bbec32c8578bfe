package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;

/** Containers of every slot, and containers after a selection. */
public final class GivenContainers extends AbstractSelection<Manifests, ContainerRef, ContainerRule> {

    /**
     * Creates the step; use {@code K8sRules.containers()}.
     *
     * @param spec the state
     */
    public GivenContainers(RuleSpec<Manifests, ContainerRef> spec) {
        super(spec);
    }

    /** Starts a selection. */
    public ContainersThat that() {
        return new ContainersThat(spec, "and");
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenContainers that(DescribedPredicate<? super ContainerRef> predicate) {
        return new GivenContainers(spec.select("and", predicate));
    }

    /** Narrows the selection. */
    public ContainersThat and() {
        return new ContainersThat(spec, "and");
    }

    /** Widens the selection (evaluated left to right). */
    public ContainersThat or() {
        return new ContainersThat(spec, "or");
    }

    @Override
    protected ContainerRule rule(RuleSpec<Manifests, ContainerRef> ruleSpec) {
        return new ContainerRule(ruleSpec);
    }
}
