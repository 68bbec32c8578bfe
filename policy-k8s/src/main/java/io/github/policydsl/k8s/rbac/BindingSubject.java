package io.github.policydsl.k8s.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.syntax.ObjectSubject;

import java.util.List;
import java.util.Objects;

/**
 * A RoleBinding or ClusterRoleBinding, the subject of {@code roleBindings()} rules. Findings
 * point at {@code roleRef.name} or at the offending {@code subjects[i]}.
 *
 * @param resource the binding
 * @param manifests the input
 */
public record BindingSubject(LoadedResource resource, Manifests manifests) implements ObjectSubject {

    /** Validates the components. */
    public BindingSubject {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(manifests, "manifests");
        if (!(resource.object() instanceof RoleBinding) && !(resource.object() instanceof ClusterRoleBinding)) {
            throw new IllegalArgumentException("not a RoleBinding or ClusterRoleBinding: " + resource.ref().display());
        }
    }

    /**
     * The RoleBindings and ClusterRoleBindings of an input, in load order.
     *
     * @param manifests the input
     * @return the subjects
     */
    public static List<BindingSubject> all(Manifests manifests) {
        return manifests.resources().stream()
                .filter(r -> r.object() instanceof RoleBinding || r.object() instanceof ClusterRoleBinding)
                .map(r -> new BindingSubject(r, manifests)).toList();
    }

    /** Whether this is a ClusterRoleBinding (cluster-wide). */
    public boolean isClusterRoleBinding() {
        return resource.object() instanceof ClusterRoleBinding;
    }

    @Override
    public String namespace() {
        return isClusterRoleBinding() ? "" : resource.effectiveNamespace();
    }

    /** The roleRef, or null. */
    public RoleRef roleRef() {
        return resource.object() instanceof RoleBinding rb ? rb.getRoleRef()
                : ((ClusterRoleBinding) resource.object()).getRoleRef();
    }

    /** The subjects as written; never null. */
    public List<Subject> subjects() {
        List<Subject> s = resource.object() instanceof RoleBinding rb ? rb.getSubjects()
                : ((ClusterRoleBinding) resource.object()).getSubjects();
        return s == null ? List.of() : s;
    }

    /**
     * The principal of a subject entry (a ServiceAccount without namespace in a RoleBinding is in
     * the binding's namespace).
     *
     * @param index the index in {@code subjects}
     * @return the principal, or null for an unknown kind
     */
    public Principal principal(int index) {
        return RbacGraph.principal(subjects().get(index), isClusterRoleBinding() ? "" : resource.effectiveNamespace());
    }

    @Override
    public String toString() {
        return ref().display();
    }
}
