package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;
import java.util.Optional;

/**
 * Restricted {@code allowPrivilegeEscalation} (v1.8+): every container must set
 * {@code securityContext.allowPrivilegeEscalation=false} explicitly. From v1.25 Windows pods are
 * exempt.
 */
final class AllowPrivilegeEscalationCheck {

    static final String ID = "allowPrivilegeEscalation";

    private AllowPrivilegeEscalationCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED,
                CheckDefinition.since(8, AllowPrivilegeEscalationCheck::v1_8),
                CheckDefinition.since(25, pod -> pod.isWindows() ? Optional.empty() : v1_8(pod)));
    }

    static Optional<Forbidden> v1_8(PodInput pod) {
        Offenders o = new Offenders();
        for (ContainerRef c : pod.containers()) {
            if (c.securityContext() == null || !Boolean.FALSE.equals(c.securityContext().getAllowPrivilegeEscalation())) {
                o.container(c, c.securityContextPath("allowPrivilegeEscalation"));
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("allowPrivilegeEscalation != false",
                o.setters() + " must set securityContext.allowPrivilegeEscalation=false", o.paths()));
    }
}
