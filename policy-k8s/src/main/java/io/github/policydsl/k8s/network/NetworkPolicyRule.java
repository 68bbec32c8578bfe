package io.github.policydsl.k8s.network;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.syntax.ResourceSubject;

/** A rule over NetworkPolicy objects: {@code networkPolicies().must().notAllowAllIngress()}. Immutable. */
public final class NetworkPolicyRule extends SubjectRule<Manifests, ResourceSubject, NetworkPolicyRule> {

    /**
     * Creates the rule; use {@code K8sRules.networkPolicies()}.
     *
     * @param spec the state
     */
    public NetworkPolicyRule(RuleSpec<Manifests, ResourceSubject> spec) {
        super(spec);
    }

    @Override
    protected NetworkPolicyRule copy(RuleSpec<Manifests, ResourceSubject> newSpec) {
        return new NetworkPolicyRule(newSpec);
    }

    /** No ingress rule admits every source on every port. */
    public NetworkPolicyRule notAllowAllIngress() {
        return with(NetworkConditions.notAllowAll("Ingress"));
    }

    /** No egress rule admits every destination on every port. */
    public NetworkPolicyRule notAllowAllEgress() {
        return with(NetworkConditions.notAllowAll("Egress"));
    }
}
