package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.syntax.ResourceSubject;

import java.util.Arrays;

/**
 * A rule over the ServiceAccount objects of the manifests:
 * {@code serviceAccounts().that().areNamed("default").must().notBeBound()}. Immutable.
 */
public final class ServiceAccountRule extends SubjectRule<Manifests, ResourceSubject, ServiceAccountRule> {

    /**
     * Creates the rule; use {@code K8sRules.serviceAccounts()}.
     *
     * @param spec the state
     */
    public ServiceAccountRule(RuleSpec<Manifests, ResourceSubject> spec) {
        super(spec);
    }

    @Override
    protected ServiceAccountRule copy(RuleSpec<Manifests, ResourceSubject> newSpec) {
        return new ServiceAccountRule(newSpec);
    }

    /**
     * Every grant to the ServiceAccount is among the declared permissions.
     *
     * @param allowed e.g. {@code "get,list,watch pods"}, {@code "get deployments.apps"}
     * @return a new rule
     */
    public ServiceAccountRule mayOnly(String... allowed) {
        return with(RbacConditions.mayOnly(Arrays.stream(allowed).map(Permission::parse).toList()));
    }

    /** No binding names the ServiceAccount, directly or through its groups. */
    public ServiceAccountRule notBeBound() {
        return with(RbacConditions.notBeBound());
    }
}
