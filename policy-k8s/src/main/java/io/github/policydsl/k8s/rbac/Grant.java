package io.github.policydsl.k8s.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.internal.rbac.RbacMatch;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.List;
import java.util.Objects;

/**
 * One edge of the RBAC graph: a binding gives a principal one rule of a role, in one namespace or
 * cluster-wide. As a rule subject ({@code serviceAccount("ns/sa").mayOnly(..)}) a grant is the
 * rule that must change: it is located at {@code rules[i]} of the role that defines the rule (for
 * an aggregated ClusterRole, the aggregated role that contributes it), or at the binding's
 * {@code roleRef} when the role is a built-in one not present in the manifests. Immutable.
 */
public final class Grant implements Subject, Comparable<Grant> {

    private final Principal principal;
    private final LoadedResource binding;
    private final int subjectIndex;
    private final String roleKind;
    private final String roleName;
    private final LoadedResource ruleSource;
    private final int ruleIndex;
    private final PolicyRule rule;
    private final String namespace;

    Grant(Principal principal, LoadedResource binding, int subjectIndex, String roleKind, String roleName,
            LoadedResource ruleSource, int ruleIndex, PolicyRule rule, String namespace) {
        this.principal = Objects.requireNonNull(principal);
        this.binding = Objects.requireNonNull(binding);
        this.subjectIndex = subjectIndex;
        this.roleKind = roleKind;
        this.roleName = roleName;
        this.ruleSource = ruleSource;
        this.ruleIndex = ruleIndex;
        this.rule = Objects.requireNonNull(rule);
        this.namespace = namespace;
    }

    /** The principal named in the binding (a user, group or ServiceAccount). */
    public Principal principal() {
        return principal;
    }

    /** The RoleBinding or ClusterRoleBinding. */
    public LoadedResource binding() {
        return binding;
    }

    /** The index of the principal in the binding's {@code subjects}. */
    public int subjectIndex() {
        return subjectIndex;
    }

    /** The kind of the bound role, {@code Role} or {@code ClusterRole}. */
    public String roleKind() {
        return roleKind;
    }

    /** The name of the bound role. */
    public String roleName() {
        return roleName;
    }

    /** The role object that defines the rule; null for a built-in role not in the manifests. */
    public LoadedResource ruleSource() {
        return ruleSource;
    }

    /** The index of the rule in the defining role's {@code rules}; -1 for a built-in role. */
    public int ruleIndex() {
        return ruleIndex;
    }

    /** The rule (read-only). */
    public PolicyRule rule() {
        return rule;
    }

    /** The namespace the grant applies in; empty when cluster-wide (ClusterRoleBinding). */
    public String namespace() {
        return namespace;
    }

    /** Whether the grant applies in every namespace and to cluster-scoped resources. */
    public boolean isClusterWide() {
        return namespace.isEmpty();
    }

    /**
     * Whether this grant authorizes a request (scope, verb, group, resource, subresource, name).
     *
     * @param request the request
     * @return true if allowed
     */
    public boolean allows(AccessRequest request) {
        if (!isClusterWide() && !namespace.equals(request.namespace())) {
            return false;
        }
        return RbacMatch.verb(rule, request.verb()) && RbacMatch.group(rule, request.apiGroup())
                && RbacMatch.resource(rule, request.resource(), request.subresource())
                && RbacMatch.name(rule, request.name());
    }

    /** The rule in one line: {@code get,list,watch pods} or {@code * *.*}. */
    public String ruleText() {
        return describe(rule);
    }

    static String describe(PolicyRule rule) {
        List<String> groups = rule.getApiGroups() == null ? List.of() : rule.getApiGroups();
        List<String> res = rule.getResources() == null ? List.of() : rule.getResources();
        StringBuilder sb = new StringBuilder(String.join(",", rule.getVerbs() == null ? List.of() : rule.getVerbs()));
        if (!res.isEmpty()) {
            sb.append(' ').append(String.join(",", res));
            if (!(groups.size() == 1 && groups.get(0).isEmpty())) {
                sb.append(" in apiGroups [").append(String.join(",", groups.stream()
                        .map(g -> g.isEmpty() ? "\"\"" : g).toList())).append(']');
            }
        }
        if (rule.getResourceNames() != null && !rule.getResourceNames().isEmpty()) {
            sb.append(" named ").append(String.join(",", rule.getResourceNames()));
        }
        if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
            sb.append(res.isEmpty() ? " " : "; ").append("nonResourceURLs ")
                    .append(String.join(",", rule.getNonResourceURLs()));
        }
        return sb.toString();
    }

    /** The binding and role in one line: {@code RoleBinding production/read-pods -> Role pod-reader rules[0]}. */
    public String via() {
        String src = ruleSource == null ? roleKind + " " + roleName + " (built-in)"
                : roleKind + " " + roleName + (ruleSource.name().equals(roleName) ? "" : " (aggregated from "
                        + ruleSource.kind() + " " + ruleSource.name() + ")") + " rules[" + ruleIndex + "]";
        return binding.kind() + " " + qualified(binding) + " -> " + src;
    }

    private static String qualified(LoadedResource r) {
        return r.namespace().isEmpty() ? r.name() : r.namespace() + "/" + r.name();
    }

    /** One line for reports: who, what, where and via what. */
    public String display() {
        return principal.display() + " may " + ruleText()
                + (isClusterWide() ? " cluster-wide" : " in namespace \"" + namespace + "\"") + " via " + via();
    }

    @Override
    public SubjectRef ref() {
        return ruleSource != null ? ruleSource.ref() : binding.ref();
    }

    @Override
    public FieldPath path() {
        return ruleSource != null ? FieldPath.root().child("rules").index(ruleIndex)
                : FieldPath.root().child("roleRef", "name");
    }

    @Override
    public Location locate(FieldPath path) {
        return (ruleSource != null ? ruleSource : binding).locate(path);
    }

    @Override
    public int compareTo(Grant o) {
        int c = principal.compareTo(o.principal);
        if (c == 0) {
            c = binding.ref().compareTo(o.binding.ref());
        }
        if (c == 0) {
            c = Integer.compare(subjectIndex, o.subjectIndex);
        }
        if (c == 0) {
            c = ref().compareTo(o.ref());
        }
        return c == 0 ? Integer.compare(ruleIndex, o.ruleIndex) : c;
    }

    @Override
    public String toString() {
        return display();
    }
}
