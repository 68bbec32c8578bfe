package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;

import java.util.Arrays;
import java.util.List;

/**
 * A rule over grants (binding x principal x role rule), for least-privilege assertions:
 * {@code serviceAccount("production/monitoring-sa").mayOnly("get,list,watch pods")}. A finding
 * is reported at the role rule that grants more than declared. Immutable.
 */
public final class GrantRule extends SubjectRule<Manifests, Grant, GrantRule> {

    /**
     * Creates the rule; use {@code K8sRules.serviceAccount(..)} or {@code K8sRules.grantsTo(..)}.
     *
     * @param spec the state
     */
    public GrantRule(RuleSpec<Manifests, Grant> spec) {
        super(spec);
    }

    @Override
    protected GrantRule copy(RuleSpec<Manifests, Grant> newSpec) {
        return new GrantRule(newSpec);
    }

    /**
     * Every grant is covered by the declared permissions.
     *
     * @param allowed e.g. {@code "get,list,watch pods"}, {@code "get deployments.apps"}
     * @return a new rule
     */
    public GrantRule grantOnly(String... allowed) {
        return grantOnly(Arrays.stream(allowed).map(Permission::parse).toList());
    }

    /**
     * Every grant is covered by the declared permissions.
     *
     * @param allowed the permissions
     * @return a new rule
     */
    public GrantRule grantOnly(List<Permission> allowed) {
        return with(RbacConditions.grantOnly(allowed));
    }
}
