package io.github.policydsl.k8s.rbac;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Severity;
import io.github.policydsl.k8s.Manifests;

import static io.github.policydsl.k8s.K8sRules.roleBindings;
import static io.github.policydsl.k8s.K8sRules.roles;

/**
 * The {@code rbac} pack: least privilege for Roles, ClusterRoles and their bindings. Role rules
 * report at the offending verb or wildcard of {@code rules[i]}; binding rules at
 * {@code roleRef.name} or {@code subjects[i].name}. Rule ids are stable once released.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>id</th><th>severity</th></tr>
 * <tr><td>{@value #WILDCARD_VERBS}</td><td>HIGH</td></tr>
 * <tr><td>{@value #WILDCARD_RESOURCES}</td><td>HIGH</td></tr>
 * <tr><td>{@value #WILDCARD_API_GROUPS}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #SECRETS_READ}</td><td>HIGH</td></tr>
 * <tr><td>{@value #WORKLOAD_CREATION}</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #POD_EXEC}</td><td>HIGH</td></tr>
 * <tr><td>{@value #ESCALATE_BIND_IMPERSONATE}</td><td>CRITICAL</td></tr>
 * <tr><td>{@value #NODES_PROXY}</td><td>CRITICAL</td></tr>
 * <tr><td>{@value #CSR_APPROVAL}</td><td>HIGH</td></tr>
 * <tr><td>{@value #ADMISSION_WEBHOOKS}</td><td>HIGH</td></tr>
 * <tr><td>{@value #CLUSTER_ADMIN_BINDING}</td><td>CRITICAL</td></tr>
 * <tr><td>{@value #PUBLIC_GROUP_BINDING}</td><td>CRITICAL</td></tr>
 * <tr><td>{@value #DEFAULT_SERVICE_ACCOUNT_BINDING}</td><td>MEDIUM</td></tr>
 * </table>
 */
public final class RbacPack {

    /** The pack name. */
    public static final String NAME = "rbac";
    /** The pack version. */
    public static final String VERSION = "1.0.0";

    /** Id: no {@code *} verbs. */
    public static final String WILDCARD_VERBS = "k8s.rbac.wildcard-verbs";
    /** Id: no {@code *} resources. */
    public static final String WILDCARD_RESOURCES = "k8s.rbac.wildcard-resources";
    /** Id: no {@code *} API groups. */
    public static final String WILDCARD_API_GROUPS = "k8s.rbac.wildcard-api-groups";
    /** Id: no get/list/watch on secrets. */
    public static final String SECRETS_READ = "k8s.rbac.secrets-read";
    /** Id: no create on pods or workloads. */
    public static final String WORKLOAD_CREATION = "k8s.rbac.workload-creation";
    /** Id: no pods/exec, attach, portforward. */
    public static final String POD_EXEC = "k8s.rbac.pod-exec";
    /** Id: no escalate, bind, impersonate. */
    public static final String ESCALATE_BIND_IMPERSONATE = "k8s.rbac.escalate-bind-impersonate";
    /** Id: no nodes/proxy. */
    public static final String NODES_PROXY = "k8s.rbac.nodes-proxy";
    /** Id: no CSR approval. */
    public static final String CSR_APPROVAL = "k8s.rbac.csr-approval";
    /** Id: no admission webhook configuration changes. */
    public static final String ADMISSION_WEBHOOKS = "k8s.rbac.admission-webhooks";
    /** Id: no binding of cluster-admin or a {@code *} on {@code *} role. */
    public static final String CLUSTER_ADMIN_BINDING = "k8s.rbac.cluster-admin-binding";
    /** Id: no binding of anonymous, unauthenticated, authenticated or masters. */
    public static final String PUBLIC_GROUP_BINDING = "k8s.rbac.public-group-binding";
    /** Id: no binding of a default ServiceAccount. */
    public static final String DEFAULT_SERVICE_ACCOUNT_BINDING = "k8s.rbac.default-service-account-binding";

    private static final Policy<Manifests> POLICY = Policy.<Manifests>named(NAME, VERSION).include(
            roles().must().notUseWildcardVerbs().withId(WILDCARD_VERBS).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true).withRemediation("list the verbs the role needs instead of \"*\""),
            roles().must().notUseWildcardResources().withId(WILDCARD_RESOURCES).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true).withRemediation("list the resources the role needs instead of \"*\""),
            roles().must().notUseWildcardApiGroups().withId(WILDCARD_API_GROUPS).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true).withRemediation("list the API groups the role needs instead of \"*\""),
            roles().must().notGrantSecretsRead().withId(SECRETS_READ).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("drop get/list/watch on secrets, or restrict the rule with resourceNames"),
            roles().must().notGrantWorkloadCreation().withId(WORKLOAD_CREATION).withSeverity(Severity.MEDIUM)
                    .allowEmptyShould(true)
                    .withRemediation("grant create on pods and controllers only to deployers, in their namespace"),
            roles().must().notGrantPodExec().withId(POD_EXEC).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("remove pods/exec, pods/attach and pods/portforward; use logs or debug tooling"),
            roles().must().notGrantEscalateBindImpersonate().withId(ESCALATE_BIND_IMPERSONATE)
                    .withSeverity(Severity.CRITICAL).allowEmptyShould(true)
                    .withRemediation("remove escalate, bind and impersonate; they bypass RBAC"),
            roles().must().notGrantNodesProxy().withId(NODES_PROXY).withSeverity(Severity.CRITICAL)
                    .allowEmptyShould(true).withRemediation("remove nodes/proxy; it reaches the kubelet API"),
            roles().must().notGrantCsrApproval().withId(CSR_APPROVAL).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("remove update on certificatesigningrequests/approval and approve on signers"),
            roles().must().notGrantAdmissionConfiguration().withId(ADMISSION_WEBHOOKS).withSeverity(Severity.HIGH)
                    .allowEmptyShould(true)
                    .withRemediation("remove write access to admission webhook and policy configurations"),
            roleBindings().must().notBindClusterAdmin().withId(CLUSTER_ADMIN_BINDING).withSeverity(Severity.CRITICAL)
                    .allowEmptyShould(true).withRemediation("bind a role with the verbs and resources actually needed"),
            roleBindings().must().notBindPublicGroups().withId(PUBLIC_GROUP_BINDING).withSeverity(Severity.CRITICAL)
                    .allowEmptyShould(true).withRemediation("bind named users, groups or ServiceAccounts instead"),
            roleBindings().must().notBindDefaultServiceAccount().withId(DEFAULT_SERVICE_ACCOUNT_BINDING)
                    .withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("create a dedicated ServiceAccount, bind it, and set serviceAccountName on the pods"));

    private RbacPack() {
    }

    /** The pack. */
    public static Policy<Manifests> policy() {
        return POLICY;
    }
}
