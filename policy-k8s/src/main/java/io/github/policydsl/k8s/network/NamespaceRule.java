package io.github.policydsl.k8s.network;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;

/** A rule over namespaces: {@code namespaces().thatRunWorkloads().must().haveDefaultDenyIngress()}. Immutable. */
public final class NamespaceRule extends SubjectRule<Manifests, NamespaceSubject, NamespaceRule> {

    /**
     * Creates the rule.
     *
     * @param spec the state
     */
    public NamespaceRule(RuleSpec<Manifests, NamespaceSubject> spec) {
        super(spec);
    }

    @Override
    protected NamespaceRule copy(RuleSpec<Manifests, NamespaceSubject> newSpec) {
        return new NamespaceRule(newSpec);
    }

    /** A NetworkPolicy with an empty podSelector, type Ingress and no ingress rules. */
    public NamespaceRule haveDefaultDenyIngress() {
        return with(NetworkConditions.haveDefaultDeny("Ingress"));
    }

    /** A NetworkPolicy with an empty podSelector, type Egress and no egress rules. */
    public NamespaceRule haveDefaultDenyEgress() {
        return with(NetworkConditions.haveDefaultDeny("Egress"));
    }
}
