package io.github.policydsl.k8s.rbac;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.internal.network.LabelSelectors;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RBAC model of a set of manifests, answered from the manifests alone: Roles, ClusterRoles
 * (with {@code aggregationRule} aggregation by label, transitively), RoleBindings (to a Role of
 * their namespace or to a ClusterRole, in both cases granting only in the binding's namespace),
 * ClusterRoleBindings (cluster-wide), and the principals they name, including the groups every
 * ServiceAccount is in. Built once per input ({@link #of(Manifests)}); immutable and thread-safe.
 *
 * <p>Built-in roles: {@code cluster-admin} is known ({@code *} on {@code *} in every API group and
 * every non-resource URL) when the manifests do not define it. Bindings to any other role that is
 * not in the manifests grant nothing here and are listed by {@link #unresolvedBindings()}.
 *
 * <pre>{@code
 * RbacGraph rbac = RbacGraph.of(manifests);
 * rbac.whoCan(AccessRequest.parse("get secrets").in("production"));
 * rbac.can(Principal.serviceAccount("production", "monitoring-sa"), AccessRequest.parse("create pods/exec").in("production"));
 * }</pre>
 */
public final class RbacGraph {

    /** The name of the built-in super-user ClusterRole. */
    public static final String CLUSTER_ADMIN = "cluster-admin";

    /**
     * A rule as defined in a role object.
     *
     * @param source the Role or ClusterRole that defines the rule; null for a built-in role
     * @param index the rule's index in {@code rules}
     * @param rule the rule
     */
    public record SourcedRule(LoadedResource source, int index, PolicyRule rule) {
    }

    private static final PolicyRule ALL_ON_ALL = new PolicyRuleBuilder().withApiGroups("*").withResources("*")
            .withVerbs("*").build();
    private static final PolicyRule ALL_URLS = new PolicyRuleBuilder().withNonResourceURLs("*").withVerbs("*").build();

    private final Map<String, LoadedResource> roles = new LinkedHashMap<>();
    private final Map<String, LoadedResource> clusterRoles = new LinkedHashMap<>();
    private final Map<String, List<SourcedRule>> clusterRoleRules = new LinkedHashMap<>();
    private final List<Grant> grants;
    private final List<LoadedResource> unresolved;

    private RbacGraph(Manifests manifests) {
        for (LoadedResource r : manifests.resources(Role.class)) {
            roles.putIfAbsent(r.effectiveNamespace() + "/" + r.name(), r);
        }
        for (LoadedResource r : manifests.resources(ClusterRole.class)) {
            clusterRoles.putIfAbsent(r.name(), r);
        }
        for (String name : clusterRoles.keySet()) {
            clusterRoleRules.put(name, List.copyOf(aggregate(name, new HashSet<>())));
        }
        List<Grant> all = new ArrayList<>();
        List<LoadedResource> missing = new ArrayList<>();
        for (LoadedResource r : manifests.resources()) {
            if (r.object() instanceof RoleBinding rb) {
                bind(r, rb.getRoleRef(), rb.getSubjects(), r.effectiveNamespace(), all, missing);
            } else if (r.object() instanceof ClusterRoleBinding crb) {
                bind(r, crb.getRoleRef(), crb.getSubjects(), "", all, missing);
            }
        }
        Collections.sort(all);
        this.grants = List.copyOf(all);
        this.unresolved = List.copyOf(missing);
    }

    /**
     * The RBAC graph of an input, computed once and cached on it.
     *
     * @param manifests the input
     * @return the graph
     */
    public static RbacGraph of(Manifests manifests) {
        return manifests.derived(RbacGraph.class, RbacGraph::new);
    }

    private List<SourcedRule> aggregate(String clusterRole, Set<String> visiting) {
        LoadedResource r = clusterRoles.get(clusterRole);
        ClusterRole cr = (ClusterRole) r.object();
        if (cr.getAggregationRule() == null || cr.getAggregationRule().getClusterRoleSelectors() == null
                || cr.getAggregationRule().getClusterRoleSelectors().isEmpty()) {
            return own(r, cr.getRules());
        }
        if (!visiting.add(clusterRole)) {
            return List.of();
        }
        // The aggregation controller overwrites the rules of an aggregated ClusterRole.
        List<SourcedRule> out = new ArrayList<>();
        for (Map.Entry<String, LoadedResource> e : clusterRoles.entrySet()) {
            if (e.getKey().equals(clusterRole)) {
                continue;
            }
            Map<String, String> labels = labels(e.getValue());
            for (LabelSelector s : cr.getAggregationRule().getClusterRoleSelectors()) {
                if (LabelSelectors.matches(s, labels)) {
                    for (SourcedRule sr : aggregate(e.getKey(), visiting)) {
                        if (!out.contains(sr)) {
                            out.add(sr);
                        }
                    }
                    break;
                }
            }
        }
        visiting.remove(clusterRole);
        return out;
    }

    private static Map<String, String> labels(LoadedResource r) {
        var m = r.object().getMetadata();
        return m == null || m.getLabels() == null ? Map.of() : m.getLabels();
    }

    private static List<SourcedRule> own(LoadedResource r, List<PolicyRule> rules) {
        List<SourcedRule> out = new ArrayList<>();
        if (rules != null) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) != null) {
                    out.add(new SourcedRule(r, i, rules.get(i)));
                }
            }
        }
        return out;
    }

    private void bind(LoadedResource binding, RoleRef ref, List<Subject> subjects, String scope, List<Grant> out,
            List<LoadedResource> missing) {
        if (ref == null || ref.getName() == null) {
            missing.add(binding);
            return;
        }
        String kind = ref.getKind() == null ? "" : ref.getKind();
        Optional<List<SourcedRule>> rules = rulesOf(kind, binding.effectiveNamespace(), ref.getName(),
                binding.object() instanceof RoleBinding);
        if (rules.isEmpty()) {
            missing.add(binding);
            return;
        }
        if (subjects == null) {
            return;
        }
        for (int i = 0; i < subjects.size(); i++) {
            Principal p = principal(subjects.get(i), binding.object() instanceof RoleBinding
                    ? binding.effectiveNamespace() : "");
            if (p == null) {
                continue;
            }
            for (SourcedRule sr : rules.get()) {
                out.add(new Grant(p, binding, i, kind, ref.getName(), sr.source(), sr.index(), sr.rule(), scope));
            }
        }
    }

    private Optional<List<SourcedRule>> rulesOf(String kind, String namespace, String name, boolean roleBinding) {
        if ("Role".equals(kind) && roleBinding) {
            LoadedResource r = roles.get(namespace + "/" + name);
            return r == null ? Optional.empty() : Optional.of(own(r, ((Role) r.object()).getRules()));
        }
        if ("ClusterRole".equals(kind)) {
            List<SourcedRule> rules = clusterRoleRules.get(name);
            if (rules != null) {
                return Optional.of(rules);
            }
            if (CLUSTER_ADMIN.equals(name)) {
                return Optional.of(List.of(new SourcedRule(null, -1, ALL_ON_ALL), new SourcedRule(null, -1, ALL_URLS)));
            }
        }
        return Optional.empty();
    }

    /**
     * The principal a binding subject names.
     *
     * @param s the subject entry
     * @param defaultNamespace the namespace of a ServiceAccount without one (the RoleBinding's), or empty
     * @return the principal, or null for an unknown kind or a ServiceAccount without namespace
     */
    static Principal principal(Subject s, String defaultNamespace) {
        if (s == null || s.getName() == null || s.getKind() == null) {
            return null;
        }
        return switch (s.getKind()) {
            case "User" -> Principal.user(s.getName());
            case "Group" -> Principal.group(s.getName());
            case "ServiceAccount" -> {
                String ns = s.getNamespace() == null || s.getNamespace().isEmpty() ? defaultNamespace : s.getNamespace();
                yield ns.isEmpty() ? null : Principal.serviceAccount(ns, s.getName());
            }
            default -> null;
        };
    }

    /**
     * Whether a binding subject applies to a principal: the same ServiceAccount, the user name
     * (a ServiceAccount's is {@code system:serviceaccount:ns:name}), or a group it is in.
     *
     * @param bound the principal named in a binding
     * @param who the principal asking
     * @return true if the binding applies to {@code who}
     */
    public static boolean appliesTo(Principal bound, Principal who) {
        return switch (bound.kind()) {
            case SERVICE_ACCOUNT -> bound.equals(who);
            case USER -> who.kind() != Principal.Kind.GROUP && bound.name().equals(who.username());
            case GROUP -> (who.kind() == Principal.Kind.GROUP && bound.name().equals(who.name()))
                    || who.groups().contains(bound.name());
        };
    }

    /** Every grant, sorted by principal, binding and rule. */
    public List<Grant> grants() {
        return grants;
    }

    /**
     * What a principal may do: every grant that applies to it, directly or through a group.
     *
     * @param who the principal
     * @return the grants, sorted
     */
    public List<Grant> grantsTo(Principal who) {
        return grants.stream().filter(g -> appliesTo(g.principal(), who)).toList();
    }

    /**
     * Whether a principal may make a request.
     *
     * @param who the principal
     * @param request the request
     * @return true if some grant allows it
     */
    public boolean can(Principal who, AccessRequest request) {
        return grantsTo(who).stream().anyMatch(g -> g.allows(request));
    }

    /**
     * Who may make a request: every grant that allows it, each naming the principal (user, group
     * or ServiceAccount) as written in the binding.
     *
     * @param request the request; a namespaced request is also allowed by cluster-wide grants
     * @return the grants, sorted
     */
    public List<Grant> whoCan(AccessRequest request) {
        return grants.stream().filter(g -> g.allows(request)).toList();
    }

    /**
     * The principals that may make a request, without duplicates, sorted.
     *
     * @param request the request
     * @return the principals
     */
    public List<Principal> principalsWhoCan(AccessRequest request) {
        return whoCan(request).stream().map(Grant::principal).distinct().sorted().toList();
    }

    /**
     * The effective rules of a Role or ClusterRole in these manifests; for an aggregated
     * ClusterRole, the rules of the ClusterRoles its selectors match.
     *
     * @param role a Role or ClusterRole of this input
     * @return the rules, with the object that defines each
     */
    public List<SourcedRule> rulesOf(LoadedResource role) {
        if (role.object() instanceof ClusterRole) {
            return clusterRoleRules.getOrDefault(role.name(), List.of());
        }
        if (role.object() instanceof Role r) {
            return own(role, r.getRules());
        }
        return List.of();
    }

    /**
     * The effective rules of a role named in a roleRef.
     *
     * @param kind {@code Role} or {@code ClusterRole}
     * @param namespace the namespace of a Role
     * @param name the name
     * @return the rules, or empty if the role is neither in the manifests nor a known built-in
     */
    public Optional<List<SourcedRule>> rulesOf(String kind, String namespace, String name) {
        return rulesOf(kind, namespace, name, true);
    }

    /** The bindings whose role is neither in the manifests nor a known built-in, in load order. */
    public List<LoadedResource> unresolvedBindings() {
        return unresolved;
    }
}
