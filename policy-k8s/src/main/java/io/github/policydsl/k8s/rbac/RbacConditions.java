package io.github.policydsl.k8s.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.internal.rbac.RbacMatch;
import io.github.policydsl.k8s.syntax.ResourceSubject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ready-made RBAC conditions. Role conditions look at each entry of a role's {@code rules} and
 * report at the verb (or wildcard) of the rule that grants too much; they match the way the
 * authorizer does, so a {@code *} verb or resource grants every capability it covers. A rule
 * restricted by {@code resourceNames} still counts: it grants the capability on those objects.
 * Stateless and thread-safe.
 */
public final class RbacConditions {

    private static final FieldPath RULES = FieldPath.root().child("rules");

    /** The groups whose binding opens the cluster to everyone or gives super-user rights. */
    public static final Set<String> PUBLIC_OR_PRIVILEGED_GROUPS = Set.of("system:anonymous",
            "system:unauthenticated", "system:authenticated", "system:masters");

    private RbacConditions() {
    }

    /** One capability to look for: verbs on API group/resource/subresource triples. */
    private record Cap(List<String> verbs, List<String[]> targets) {
        static Cap of(List<String> verbs, String... targets) {
            List<String[]> t = new ArrayList<>();
            for (String s : targets) {
                String[] p = s.split("\\|", -1);
                t.add(new String[] {p[0], p[1], p.length > 2 ? p[2] : ""});
            }
            return new Cap(verbs, t);
        }
    }

    private static Condition<RoleSubject> capability(String description, String what, Cap... caps) {
        return Condition.of(description, (role, events) -> {
            List<PolicyRule> rules = role.rules();
            boolean any = false;
            for (int i = 0; i < rules.size(); i++) {
                PolicyRule rule = rules.get(i);
                if (rule == null) {
                    continue;
                }
                Set<String> verbs = new LinkedHashSet<>();
                Set<String> resources = new LinkedHashSet<>();
                for (Cap cap : caps) {
                    for (String v : cap.verbs()) {
                        for (String[] t : cap.targets()) {
                            if (RbacMatch.grantsSome(rule, v, t[0], t[1], t[2])) {
                                verbs.add(v);
                                resources.add(t[2].isEmpty() ? t[1] : t[1] + "/" + t[2]);
                            }
                        }
                    }
                }
                if (!verbs.isEmpty()) {
                    any = true;
                    events.violated(verbPath(rule, i, verbs), "rules[" + i + "] (" + Grant.describe(rule)
                            + ") grants " + what + ": " + String.join(",", verbs) + " on "
                            + String.join(",", resources) + scope(role) + names(rule));
                }
            }
            if (!any) {
                events.satisfied(RULES, "grants no " + what);
            }
        });
    }

    private static String scope(RoleSubject role) {
        return role.isClusterRole() ? " (a ClusterRole: cluster-wide when bound by a ClusterRoleBinding)" : "";
    }

    private static String names(PolicyRule rule) {
        return rule.getResourceNames() == null || rule.getResourceNames().isEmpty() ? ""
                : " (only resourceNames " + String.join(",", rule.getResourceNames()) + ")";
    }

    private static FieldPath verbPath(PolicyRule rule, int i, Set<String> verbs) {
        List<String> vs = rule.getVerbs() == null ? List.of() : rule.getVerbs();
        for (int j = 0; j < vs.size(); j++) {
            if (verbs.contains(vs.get(j)) || "*".equals(vs.get(j))) {
                return RULES.index(i).child("verbs").index(j);
            }
        }
        return RULES.index(i).child("verbs");
    }

    private static Condition<RoleSubject> wildcard(String description, String field, String noun) {
        return Condition.of(description, (role, events) -> {
            List<PolicyRule> rules = role.rules();
            boolean any = false;
            for (int i = 0; i < rules.size(); i++) {
                PolicyRule rule = rules.get(i);
                if (rule == null) {
                    continue;
                }
                List<String> values = switch (field) {
                    case "verbs" -> rule.getVerbs();
                    case "resources" -> rule.getResources();
                    default -> rule.getApiGroups();
                };
                values = values == null ? List.of() : values;
                for (int j = 0; j < values.size(); j++) {
                    if ("*".equals(values.get(j))) {
                        any = true;
                        events.violated(RULES.index(i).child(field).index(j), "rules[" + i + "] ("
                                + Grant.describe(rule) + ") allows every " + noun + " with \"*\"" + scope(role));
                    }
                }
            }
            if (!any) {
                events.satisfied(RULES, "uses no wildcard " + noun);
            }
        });
    }

    /** No rule lists {@code *} in {@code verbs}. */
    public static Condition<RoleSubject> notUseWildcardVerbs() {
        return wildcard("not use wildcard verbs", "verbs", "verb");
    }

    /** No rule lists {@code *} in {@code resources}. */
    public static Condition<RoleSubject> notUseWildcardResources() {
        return wildcard("not use wildcard resources", "resources", "resource");
    }

    /** No rule lists {@code *} in {@code apiGroups}. */
    public static Condition<RoleSubject> notUseWildcardApiGroups() {
        return wildcard("not use wildcard API groups", "apiGroups", "API group");
    }

    /** No rule grants get, list or watch on {@code secrets}. */
    public static Condition<RoleSubject> notGrantSecretsRead() {
        return capability("not grant read access to secrets", "read access to secrets",
                Cap.of(List.of("get", "list", "watch"), "|secrets"));
    }

    /** The resources whose creation runs pods (with the permissions of any ServiceAccount of the namespace). */
    private static final String[] WORKLOADS = {"|pods", "|replicationcontrollers", "apps|deployments",
        "apps|replicasets", "apps|statefulsets", "apps|daemonsets", "batch|jobs", "batch|cronjobs"};

    /** No rule grants {@code create} on pods or pod controllers (escalation through pod creation). */
    public static Condition<RoleSubject> notGrantWorkloadCreation() {
        return capability("not grant creation of pods or workloads",
                "creation of pods or workloads (a pod can mount any ServiceAccount and Secret of its namespace)",
                Cap.of(List.of("create"), WORKLOADS));
    }

    /** No rule grants {@code pods/exec}, {@code pods/attach} or {@code pods/portforward} (create or get). */
    public static Condition<RoleSubject> notGrantPodExec() {
        return capability("not grant exec, attach or port-forward into pods",
                "a shell or a tunnel into running pods",
                Cap.of(List.of("create", "get"), "|pods|exec", "|pods|attach", "|pods|portforward"));
    }

    /** No rule grants {@code escalate} or {@code bind} on roles, or {@code impersonate}. */
    public static Condition<RoleSubject> notGrantEscalateBindImpersonate() {
        return capability("not grant escalate, bind or impersonate", "privilege escalation",
                Cap.of(List.of("escalate", "bind"), "rbac.authorization.k8s.io|roles",
                        "rbac.authorization.k8s.io|clusterroles"),
                Cap.of(List.of("impersonate"), "|users", "|groups", "|serviceaccounts",
                        "authentication.k8s.io|userextras", "authentication.k8s.io|uids"));
    }

    /** No rule grants access to {@code nodes/proxy} (the kubelet API: exec in every pod of a node). */
    public static Condition<RoleSubject> notGrantNodesProxy() {
        return capability("not grant access to nodes/proxy", "access to the kubelet API through nodes/proxy",
                Cap.of(List.of("get", "create", "update", "patch", "delete", "list", "watch"), "|nodes|proxy"));
    }

    /** No rule grants approval of CertificateSigningRequests or {@code approve} on signers. */
    public static Condition<RoleSubject> notGrantCsrApproval() {
        return capability("not grant approval of certificate signing requests",
                "approval of certificate signing requests (minting client certificates)",
                Cap.of(List.of("update", "patch"), "certificates.k8s.io|certificatesigningrequests|approval"),
                Cap.of(List.of("approve"), "certificates.k8s.io|signers"));
    }

    /** No rule grants changes to admission webhook or admission policy configuration. */
    public static Condition<RoleSubject> notGrantAdmissionConfiguration() {
        return capability("not grant changes to admission webhook configuration",
                "changes to admission control (webhooks see or rewrite every object)",
                Cap.of(List.of("create", "update", "patch", "delete", "deletecollection"),
                        "admissionregistration.k8s.io|validatingwebhookconfigurations",
                        "admissionregistration.k8s.io|mutatingwebhookconfigurations",
                        "admissionregistration.k8s.io|validatingadmissionpolicies",
                        "admissionregistration.k8s.io|validatingadmissionpolicybindings"));
    }

    /**
     * No rule grants a request (its namespace and name are ignored).
     *
     * @param request e.g. {@code AccessRequest.parse("delete namespaces")}
     * @return the condition
     */
    public static Condition<RoleSubject> notGrant(AccessRequest request) {
        return capability("not grant " + request.verb() + " on " + request.resourcePath(),
                request.verb() + " on " + request.resourcePath(),
                Cap.of(List.of(request.verb()), request.apiGroup() + "|" + request.resource() + "|"
                        + request.subresource()));
    }

    /**
     * The binding's role is not {@code cluster-admin} and grants no rule of {@code *} verbs on
     * {@code *} resources in {@code *} API groups (including rules an aggregated ClusterRole collects).
     *
     * @return the condition
     */
    public static Condition<BindingSubject> notBindClusterAdmin() {
        return Condition.of("not bind cluster-admin or a role granting * on *", (b, events) -> {
            FieldPath at = FieldPath.root().child("roleRef", "name");
            RoleRef ref = b.roleRef();
            if (ref == null || ref.getName() == null) {
                events.notApplicable(FieldPath.root().child("roleRef"), "the binding has no roleRef");
                return;
            }
            String where = b.isClusterRoleBinding() ? "cluster-wide" : "in namespace \"" + b.namespace() + "\"";
            if (RbacGraph.CLUSTER_ADMIN.equals(ref.getName()) && "ClusterRole".equals(ref.getKind())) {
                events.violated(at, "binds ClusterRole cluster-admin (every verb on every resource) " + where
                        + " to " + who(b));
                return;
            }
            Optional<List<RbacGraph.SourcedRule>> rules = RbacGraph.of(b.manifests())
                    .rulesOf(String.valueOf(ref.getKind()), b.resource().effectiveNamespace(), ref.getName());
            for (RbacGraph.SourcedRule sr : rules.orElse(List.of())) {
                if (RbacMatch.isAllOnAll(sr.rule())) {
                    events.violated(at, "binds " + ref.getKind() + " " + ref.getName() + ", which grants * on * ("
                            + (sr.source() == null ? "built-in" : sr.source().kind() + " " + sr.source().name())
                            + " rules[" + sr.index() + "]) " + where + " to " + who(b));
                    return;
                }
            }
            events.satisfied(at, "binds " + ref.getKind() + " " + ref.getName() + ", which does not grant * on *");
        });
    }

    private static String who(BindingSubject b) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < b.subjects().size(); i++) {
            Principal p = b.principal(i);
            if (p != null) {
                names.add(p.display());
            }
        }
        return names.isEmpty() ? "no subject" : String.join(", ", names);
    }

    /**
     * The binding names none of {@code system:anonymous}, {@code system:unauthenticated},
     * {@code system:authenticated}, {@code system:masters}.
     *
     * @return the condition
     */
    public static Condition<BindingSubject> notBindPublicGroups() {
        return Condition.of("not bind system:anonymous, system:unauthenticated, system:authenticated or system:masters",
                (b, events) -> {
                    boolean any = false;
                    List<Subject> subjects = b.subjects();
                    for (int i = 0; i < subjects.size(); i++) {
                        Subject s = subjects.get(i);
                        if (s != null && s.getName() != null && PUBLIC_OR_PRIVILEGED_GROUPS.contains(s.getName())
                                && !"ServiceAccount".equals(s.getKind())) {
                            any = true;
                            events.violated(FieldPath.root().child("subjects").index(i).child("name"),
                                    "binds " + s.getKind() + " " + s.getName() + " (" + meaning(s.getName()) + ") to "
                                            + roleText(b));
                        }
                    }
                    if (!any) {
                        events.satisfied(FieldPath.root().child("subjects"), "binds no public or super-user group");
                    }
                });
    }

    private static final Map<String, String> MEANING = Map.of(
            "system:anonymous", "every unauthenticated request",
            "system:unauthenticated", "every unauthenticated request",
            "system:authenticated", "every user and ServiceAccount of the cluster",
            "system:masters", "a group that bypasses RBAC entirely");

    private static String meaning(String group) {
        return MEANING.get(group);
    }

    private static String roleText(BindingSubject b) {
        RoleRef r = b.roleRef();
        return r == null ? "no role" : r.getKind() + " " + r.getName();
    }

    /**
     * The binding does not name a ServiceAccount called {@code default}: every pod without a
     * {@code serviceAccountName} runs as it, so its permissions go to every such pod.
     *
     * @return the condition
     */
    public static Condition<BindingSubject> notBindDefaultServiceAccount() {
        return Condition.of("not bind a default ServiceAccount", (b, events) -> {
            boolean any = false;
            for (int i = 0; i < b.subjects().size(); i++) {
                Principal p = b.principal(i);
                if (p != null && p.kind() == Principal.Kind.SERVICE_ACCOUNT && "default".equals(p.name())) {
                    any = true;
                    events.violated(FieldPath.root().child("subjects").index(i).child("name"),
                            "binds " + roleText(b) + " to the default ServiceAccount of namespace \"" + p.namespace()
                                    + "\", which every pod without serviceAccountName uses");
                }
            }
            if (!any) {
                events.satisfied(FieldPath.root().child("subjects"), "binds no default ServiceAccount");
            }
        });
    }

    /**
     * The grant is covered by the declared permissions (least privilege).
     *
     * @param allowed the permissions the principal needs
     * @return the condition, reported at the rule that grants more
     */
    public static Condition<Grant> grantOnly(List<Permission> allowed) {
        List<Permission> copy = List.copyOf(allowed);
        String text = copy.stream().map(Permission::toString).reduce((a, b) -> a + "; " + b).orElse("nothing");
        return Condition.of("grant only " + text, (g, events) -> {
            List<String> excess = excess(g, copy);
            if (excess.isEmpty()) {
                events.satisfied(g.path(), "grants only declared permissions");
            } else {
                events.violated(g.path(), "gives " + g.principal().display() + " " + String.join(", ", excess)
                        + (g.isClusterWide() ? " cluster-wide" : " in namespace \"" + g.namespace() + "\"")
                        + " beyond the declared set, via " + g.via());
            }
        });
    }

    /**
     * The ServiceAccount's grants are all covered by the declared permissions. Reported at the
     * ServiceAccount; for a finding at each rule that grants too much use
     * {@code K8sRules.serviceAccount("ns/name").must().grantOnly(..)}.
     *
     * @param allowed the permissions the ServiceAccount needs
     * @return the condition
     */
    public static Condition<ResourceSubject> mayOnly(List<Permission> allowed) {
        List<Permission> copy = List.copyOf(allowed);
        String text = copy.stream().map(Permission::toString).reduce((a, b) -> a + "; " + b).orElse("nothing");
        return Condition.of("be granted only " + text, (sa, events) -> {
            Principal p = Principal.serviceAccount(sa.resource().effectiveNamespace(), sa.name());
            boolean any = false;
            for (Grant g : RbacGraph.of(sa.manifests()).grantsTo(p)) {
                List<String> excess = excess(g, copy);
                if (!excess.isEmpty()) {
                    any = true;
                    events.violated(FieldPath.root().child("metadata", "name"), "is granted "
                            + String.join(", ", excess) + (g.isClusterWide() ? " cluster-wide" : " in namespace \""
                            + g.namespace() + "\"") + " beyond the declared set, via " + g.via());
                }
            }
            if (!any) {
                events.satisfied(FieldPath.root().child("metadata", "name"), "is granted only declared permissions");
            }
        });
    }

    /**
     * The ServiceAccount is named by no binding (directly, by user name or through a group it is in).
     *
     * @return the condition
     */
    public static Condition<ResourceSubject> notBeBound() {
        return Condition.of("not be bound to any role", (sa, events) -> {
            Principal p = Principal.serviceAccount(sa.resource().effectiveNamespace(), sa.name());
            List<Grant> grants = RbacGraph.of(sa.manifests()).grantsTo(p);
            Set<String> vias = new LinkedHashSet<>();
            for (Grant g : grants) {
                vias.add(g.binding().kind() + " " + g.binding().name() + " (" + g.principal().display() + ")");
            }
            if (vias.isEmpty()) {
                events.satisfied(FieldPath.root().child("metadata", "name"), "is bound to no role");
            } else {
                events.violated(FieldPath.root().child("metadata", "name"), "is bound by " + String.join(", ", vias));
            }
        });
    }

    static List<String> excess(Grant g, List<Permission> allowed) {
        PolicyRule rule = g.rule();
        List<String> out = new ArrayList<>();
        List<String> names = rule.getResourceNames() == null ? List.of() : rule.getResourceNames();
        List<String> verbs = rule.getVerbs() == null ? List.of() : rule.getVerbs();
        List<String> groups = rule.getApiGroups() == null ? List.of() : rule.getApiGroups();
        List<String> resources = rule.getResources() == null ? List.of() : rule.getResources();
        for (String group : groups) {
            for (String res : resources) {
                List<String> extra = new ArrayList<>();
                for (String verb : verbs) {
                    boolean covered = allowed.stream().anyMatch(p -> p.covers(verb, group, res, names));
                    if (!covered) {
                        extra.add(verb);
                    }
                }
                if (!extra.isEmpty()) {
                    out.add(String.join(",", extra) + " " + res + (group.isEmpty() ? "" : "." + group));
                }
            }
        }
        if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
            out.add(String.join(",", verbs) + " on nonResourceURLs " + String.join(",", rule.getNonResourceURLs()));
        }
        return out;
    }
}
