package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.k8s.Manifests;

import java.util.Arrays;

/**
 * The grants to a principal (or all grants), before the conditions:
 * {@code serviceAccount("production/monitoring-sa").mayOnly("get,list,watch pods")} is short for
 * {@code .must().grantOnly(..)}. A principal with no grant at all is an empty selection, which
 * fails unless {@code allowEmptyShould(true)} is set (so a misspelt name does not pass quietly).
 */
public final class GivenGrants extends AbstractSelection<Manifests, Grant, GrantRule> {

    /**
     * Creates the step; use {@code K8sRules.serviceAccount(..)}.
     *
     * @param spec the state
     */
    public GivenGrants(RuleSpec<Manifests, Grant> spec) {
        super(spec);
    }

    /**
     * Selects grants with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenGrants that(DescribedPredicate<? super Grant> predicate) {
        return new GivenGrants(spec.select("and", predicate));
    }

    /**
     * Least privilege: every grant must be covered by the declared permissions. Same as
     * {@code must().grantOnly(allowed)}.
     *
     * @param allowed e.g. {@code "get,list,watch pods"}, {@code "get deployments.apps"}
     * @return the rule
     */
    public GrantRule mayOnly(String... allowed) {
        return must().grantOnly(Arrays.stream(allowed).map(Permission::parse).toList());
    }

    @Override
    protected GrantRule rule(RuleSpec<Manifests, Grant> ruleSpec) {
        return new GrantRule(ruleSpec);
    }
}
