package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Baseline {@code capabilities_baseline}: containers may only add capabilities from the default
 * set of container runtimes (exact, case-sensitive names without {@code CAP_} prefix).
 */
final class CapabilitiesBaselineCheck {

    static final String ID = "capabilities_baseline";

    static final Set<String> ALLOWED = Set.of(
            "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
            "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    private CapabilitiesBaselineCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, CapabilitiesBaselineCheck::v1_0));
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        Offenders o = new Offenders();
        for (ContainerRef c : pod.containers()) {
            Capabilities caps = c.securityContext() == null ? null : c.securityContext().getCapabilities();
            List<String> add = caps == null ? null : caps.getAdd();
            if (add == null) {
                continue;
            }
            for (int i = 0; i < add.size(); i++) {
                String cap = add.get(i);
                if (!ALLOWED.contains(cap)) {
                    o.container(c, c.securityContextPath("capabilities", "add").index(i)).value(cap);
                }
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("non-default capabilities",
                o.setters() + " must not include " + Text.joinQuote(o.values())
                        + " in securityContext.capabilities.add",
                o.paths()));
    }
}
