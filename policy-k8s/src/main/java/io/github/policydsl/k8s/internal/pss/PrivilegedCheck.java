package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;
import java.util.Optional;

/** Baseline {@code privileged}: no container may set {@code securityContext.privileged=true}. */
final class PrivilegedCheck {

    static final String ID = "privileged";

    private PrivilegedCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, PrivilegedCheck::v1_0));
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        Offenders o = new Offenders();
        for (ContainerRef c : pod.containers()) {
            if (c.securityContext() != null && Boolean.TRUE.equals(c.securityContext().getPrivileged())) {
                o.container(c, c.securityContextPath("privileged"));
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("privileged",
                o.setters() + " must not set securityContext.privileged=true", o.paths()));
    }
}
