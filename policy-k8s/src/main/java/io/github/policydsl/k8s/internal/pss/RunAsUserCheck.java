package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;
import java.util.Optional;

/**
 * Restricted {@code runAsUser} (v1.23+): neither the pod nor any container may set
 * {@code runAsUser=0}. From v1.35 pods with {@code hostUsers: false} are exempt.
 */
final class RunAsUserCheck {

    static final String ID = "runAsUser";

    private RunAsUserCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED,
                CheckDefinition.since(23, RunAsUserCheck::v1_23),
                CheckDefinition.since(35, pod -> pod.hostUsersExplicitlyFalse() ? Optional.empty() : v1_23(pod)));
    }

    static Optional<Forbidden> v1_23(PodInput pod) {
        Offenders o = new Offenders();
        if (pod.podSecurityContext() != null && Long.valueOf(0).equals(pod.podSecurityContext().getRunAsUser())) {
            o.pod(PodInput.POD_SECURITY_CONTEXT.child("runAsUser"));
        }
        for (ContainerRef c : pod.containers()) {
            if (c.securityContext() != null && Long.valueOf(0).equals(c.securityContext().getRunAsUser())) {
                o.container(c, c.securityContextPath("runAsUser"));
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("runAsUser=0", o.setters() + " must not set runAsUser=0", o.paths()));
    }
}
