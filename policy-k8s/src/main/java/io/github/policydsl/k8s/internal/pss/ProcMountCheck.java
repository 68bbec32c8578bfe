package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;
import java.util.Optional;

/**
 * Baseline {@code procMount}: a container's {@code securityContext.procMount} must be unset or
 * {@code Default}. From v1.35 pods with {@code hostUsers: false} are exempt at baseline.
 */
final class ProcMountCheck {

    static final String ID = "procMount";

    private ProcMountCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE,
                CheckDefinition.since(0, ProcMountCheck::strict),
                CheckDefinition.since(35, ProcMountCheck::v1_35));
    }

    static Optional<Forbidden> v1_35(PodInput pod) {
        return pod.hostUsersExplicitlyFalse() ? Optional.empty() : strict(pod);
    }

    /** The rule without user-namespace relaxation; also used by {@code procMount_restricted}. */
    static Optional<Forbidden> strict(PodInput pod) {
        Offenders o = new Offenders();
        for (ContainerRef c : pod.containers()) {
            String pm = c.securityContext() == null ? null : c.securityContext().getProcMount();
            if (pm != null && !"Default".equals(pm)) {
                o.container(c, c.securityContextPath("procMount")).value(pm);
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("procMount",
                o.setters() + " must not set securityContext.procMount to " + Text.joinQuote(o.values()),
                o.paths()));
    }
}
