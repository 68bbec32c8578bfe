package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.k8s.Manifests;

/**
 * A rule over Roles and ClusterRoles: {@code roles().must().notUseWildcardVerbs()}. Each
 * condition checks every entry of the role's {@code rules}. Immutable.
 */
public final class RoleRule extends SubjectRule<Manifests, RoleSubject, RoleRule> {

    /**
     * Creates the rule; use {@code K8sRules.roles()}.
     *
     * @param spec the state
     */
    public RoleRule(RuleSpec<Manifests, RoleSubject> spec) {
        super(spec);
    }

    @Override
    protected RoleRule copy(RuleSpec<Manifests, RoleSubject> newSpec) {
        return new RoleRule(newSpec);
    }

    /** No {@code *} in {@code verbs}. */
    public RoleRule notUseWildcardVerbs() {
        return with(RbacConditions.notUseWildcardVerbs());
    }

    /** No {@code *} in {@code resources}. */
    public RoleRule notUseWildcardResources() {
        return with(RbacConditions.notUseWildcardResources());
    }

    /** No {@code *} in {@code apiGroups}. */
    public RoleRule notUseWildcardApiGroups() {
        return with(RbacConditions.notUseWildcardApiGroups());
    }

    /** No get, list or watch on secrets. */
    public RoleRule notGrantSecretsRead() {
        return with(RbacConditions.notGrantSecretsRead());
    }

    /** No create on pods or pod controllers. */
    public RoleRule notGrantWorkloadCreation() {
        return with(RbacConditions.notGrantWorkloadCreation());
    }

    /** No pods/exec, pods/attach, pods/portforward. */
    public RoleRule notGrantPodExec() {
        return with(RbacConditions.notGrantPodExec());
    }

    /** No escalate, bind or impersonate. */
    public RoleRule notGrantEscalateBindImpersonate() {
        return with(RbacConditions.notGrantEscalateBindImpersonate());
    }

    /** No access to nodes/proxy. */
    public RoleRule notGrantNodesProxy() {
        return with(RbacConditions.notGrantNodesProxy());
    }

    /** No CSR approval. */
    public RoleRule notGrantCsrApproval() {
        return with(RbacConditions.notGrantCsrApproval());
    }

    /** No changes to admission webhook configuration. */
    public RoleRule notGrantAdmissionConfiguration() {
        return with(RbacConditions.notGrantAdmissionConfiguration());
    }

    /**
     * Does not grant a request, in kubectl notation.
     *
     * @param request e.g. {@code "delete namespaces"} or {@code "create pods/eviction"}
     * @return a new rule
     */
    public RoleRule notGrant(String request) {
        return with(RbacConditions.notGrant(AccessRequest.parse(request)));
    }
}
