package io.github.policydsl.k8s.network;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.Manifests;

import java.util.Set;

/**
 * Namespaces, and namespaces after a selection: {@code namespaces().thatRunWorkloads()}.
 * Immutable.
 */
public final class GivenNamespaces extends AbstractSelection<Manifests, NamespaceSubject, NamespaceRule> {

    /**
     * Creates the step; use {@code K8sRules.namespaces()}.
     *
     * @param spec the state
     */
    public GivenNamespaces(RuleSpec<Manifests, NamespaceSubject> spec) {
        super(spec);
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenNamespaces that(DescribedPredicate<? super NamespaceSubject> predicate) {
        return new GivenNamespaces(spec.select("and", predicate));
    }

    /** Selects the namespaces in which at least one pod template runs. */
    public GivenNamespaces thatRunWorkloads() {
        return that(DescribedPredicate.describe("run workloads", n -> !n.workloads().isEmpty()));
    }

    /**
     * Leaves out namespaces by name.
     *
     * @param names e.g. {@code kube-system}
     * @return the next step
     */
    public GivenNamespaces except(String... names) {
        Set<String> set = Set.of(names);
        return that(DescribedPredicate.describe("are not " + String.join(" or ", names),
                n -> !set.contains(n.name())));
    }

    @Override
    protected NamespaceRule rule(RuleSpec<Manifests, NamespaceSubject> ruleSpec) {
        return new NamespaceRule(ruleSpec);
    }
}
