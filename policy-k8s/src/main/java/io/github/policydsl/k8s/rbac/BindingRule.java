package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;

/**
 * A rule over RoleBindings and ClusterRoleBindings: {@code roleBindings().must().notBindClusterAdmin()}.
 * Immutable.
 */
public final class BindingRule extends SubjectRule<Manifests, BindingSubject, BindingRule> {

    /**
     * Creates the rule; use {@code K8sRules.roleBindings()}.
     *
     * @param spec the state
     */
    public BindingRule(RuleSpec<Manifests, BindingSubject> spec) {
        super(spec);
    }

    @Override
    protected BindingRule copy(RuleSpec<Manifests, BindingSubject> newSpec) {
        return new BindingRule(newSpec);
    }

    /** The role is not cluster-admin and grants no {@code *} on {@code *}. */
    public BindingRule notBindClusterAdmin() {
        return with(RbacConditions.notBindClusterAdmin());
    }

    /** No system:anonymous, system:unauthenticated, system:authenticated, system:masters. */
    public BindingRule notBindPublicGroups() {
        return with(RbacConditions.notBindPublicGroups());
    }

    /** No ServiceAccount named default. */
    public BindingRule notBindDefaultServiceAccount() {
        return with(RbacConditions.notBindDefaultServiceAccount());
    }
}
