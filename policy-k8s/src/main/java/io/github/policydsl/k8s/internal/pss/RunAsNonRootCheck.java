package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Restricted {@code runAsNonRoot}: the pod must set {@code runAsNonRoot=true} (or every container
 * must), and nothing may set it to false. From v1.35 pods with {@code hostUsers: false} are exempt.
 */
final class RunAsNonRootCheck {

    static final String ID = "runAsNonRoot";

    private RunAsNonRootCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED,
                CheckDefinition.since(0, RunAsNonRootCheck::v1_0),
                CheckDefinition.since(35, pod -> pod.hostUsersExplicitlyFalse() ? Optional.empty() : v1_0(pod)));
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        FieldPath podPath = PodInput.POD_SECURITY_CONTEXT.child("runAsNonRoot");
        Boolean podValue = pod.podSecurityContext() == null ? null : pod.podSecurityContext().getRunAsNonRoot();
        Offenders explicit = new Offenders();
        if (Boolean.FALSE.equals(podValue)) {
            explicit.pod(podPath);
        }
        Set<String> implicit = new LinkedHashSet<>();
        for (ContainerRef c : pod.containers()) {
            Boolean v = c.securityContext() == null ? null : c.securityContext().getRunAsNonRoot();
            if (v == null) {
                if (!Boolean.TRUE.equals(podValue)) {
                    implicit.add(c.name());
                }
            } else if (!v) {
                explicit.container(c, c.securityContextPath("runAsNonRoot"));
            }
        }
        if (!explicit.isEmpty()) {
            List<FieldPath> paths = new ArrayList<>(explicit.paths());
            if (!implicit.isEmpty() && !explicit.hasPod()) {
                paths.add(podPath);
            }
            return Optional.of(new Forbidden("runAsNonRoot != true",
                    explicit.setters() + " must not set securityContext.runAsNonRoot=false", paths));
        }
        if (!implicit.isEmpty()) {
            return Optional.of(new Forbidden("runAsNonRoot != true",
                    "pod or " + Text.containers(implicit) + " must set securityContext.runAsNonRoot=true",
                    List.of(podPath)));
        }
        return Optional.empty();
    }
}
