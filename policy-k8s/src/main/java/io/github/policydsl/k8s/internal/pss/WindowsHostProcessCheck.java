package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.Optional;

/** Baseline {@code windowsHostProcess}: pod and containers must not set {@code windowsOptions.hostProcess=true}. */
final class WindowsHostProcessCheck {

    static final String ID = "windowsHostProcess";

    private WindowsHostProcessCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, WindowsHostProcessCheck::v1_0));
    }

    private static boolean hostProcess(WindowsSecurityContextOptions w) {
        return w != null && Boolean.TRUE.equals(w.getHostProcess());
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        Offenders o = new Offenders();
        if (pod.podSecurityContext() != null && hostProcess(pod.podSecurityContext().getWindowsOptions())) {
            o.pod(PodInput.POD_SECURITY_CONTEXT.child("windowsOptions", "hostProcess"));
        }
        for (ContainerRef c : pod.containers()) {
            if (c.securityContext() != null && hostProcess(c.securityContext().getWindowsOptions())) {
                o.container(c, c.securityContextPath("windowsOptions", "hostProcess"));
            }
        }
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("hostProcess",
                o.setters() + " must not set securityContext.windowsOptions.hostProcess=true", o.paths()));
    }
}
