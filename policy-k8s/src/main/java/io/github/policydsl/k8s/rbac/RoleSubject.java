package io.github.policydsl.k8s.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.syntax.ObjectSubject;

import java.util.List;
import java.util.Objects;

/**
 * A Role or ClusterRole, the subject of {@code roles()} and {@code clusterRoles()} rules.
 * Conditions check the role's own {@code rules} and report at {@code rules[i]}; the rules an
 * aggregated ClusterRole collects are reported on the ClusterRoles that define them.
 *
 * @param resource the Role or ClusterRole
 * @param manifests the input
 */
public record RoleSubject(LoadedResource resource, Manifests manifests) implements ObjectSubject {

    /** Validates the components. */
    public RoleSubject {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(manifests, "manifests");
        if (!(resource.object() instanceof Role) && !(resource.object() instanceof ClusterRole)) {
            throw new IllegalArgumentException("not a Role or ClusterRole: " + resource.ref().display());
        }
    }

    /**
     * The Roles and ClusterRoles of an input, in load order.
     *
     * @param manifests the input
     * @param clusterRolesOnly whether to leave out namespaced Roles
     * @return the subjects
     */
    public static List<RoleSubject> all(Manifests manifests, boolean clusterRolesOnly) {
        return manifests.resources().stream()
                .filter(r -> r.object() instanceof ClusterRole || (!clusterRolesOnly && r.object() instanceof Role))
                .map(r -> new RoleSubject(r, manifests)).toList();
    }

    /** Whether this is a ClusterRole. */
    public boolean isClusterRole() {
        return resource.object() instanceof ClusterRole;
    }

    /** Whether this ClusterRole has an {@code aggregationRule}. */
    public boolean isAggregated() {
        return resource.object() instanceof ClusterRole cr && cr.getAggregationRule() != null;
    }

    @Override
    public String namespace() {
        return isClusterRole() ? "" : resource.effectiveNamespace();
    }

    /** The role's own rules as written (entries may be null in malformed input). */
    public List<PolicyRule> rules() {
        List<PolicyRule> r = resource.object() instanceof Role role ? role.getRules()
                : ((ClusterRole) resource.object()).getRules();
        return r == null ? List.of() : r;
    }

    /** The effective rules, including those an aggregated ClusterRole collects. */
    public List<RbacGraph.SourcedRule> effectiveRules() {
        return RbacGraph.of(manifests).rulesOf(resource);
    }

    @Override
    public String toString() {
        return ref().display();
    }
}
