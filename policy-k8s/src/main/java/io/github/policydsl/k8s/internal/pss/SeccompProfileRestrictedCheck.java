package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Restricted {@code seccompProfile_restricted} (v1.19+): a seccomp profile of type
 * {@code RuntimeDefault} or {@code Localhost} must be set on the pod or on every container, and no
 * other type may be set anywhere. From v1.25 Windows pods are exempt. Replaces
 * {@code seccompProfile_baseline} at restricted.
 */
final class SeccompProfileRestrictedCheck {

    static final String ID = "seccompProfile_restricted";

    private SeccompProfileRestrictedCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED,
                CheckDefinition.since(19, SeccompProfileRestrictedCheck::v1_19),
                CheckDefinition.since(25, pod -> pod.isWindows() ? Optional.empty() : v1_19(pod)))
                .overriding(SeccompProfileBaselineCheck.ID);
    }

    static Optional<Forbidden> v1_19(PodInput pod) {
        FieldPath podPath = PodInput.POD_SECURITY_CONTEXT.child("seccompProfile", "type");
        Offenders explicit = new Offenders();
        boolean podValid = false;
        SeccompProfile podProfile = pod.podSecurityContext() == null ? null
                : pod.podSecurityContext().getSeccompProfile();
        if (podProfile != null) {
            if (SeccompProfileBaselineCheck.validType(podProfile)) {
                podValid = true;
            } else {
                explicit.pod(podPath).value(podProfile.getType());
            }
        }
        Set<String> implicit = new LinkedHashSet<>();
        for (ContainerRef c : pod.containers()) {
            SeccompProfile p = c.securityContext() == null ? null : c.securityContext().getSeccompProfile();
            if (p != null) {
                if (!SeccompProfileBaselineCheck.validType(p)) {
                    explicit.container(c, c.securityContextPath("seccompProfile", "type")).value(p.getType());
                }
            } else if (!podValid) {
                implicit.add(c.name());
            }
        }
        if (!explicit.isEmpty()) {
            List<FieldPath> paths = new ArrayList<>(explicit.paths());
            if (!implicit.isEmpty() && !explicit.hasPod()) {
                paths.add(podPath);
            }
            return Optional.of(new Forbidden("seccompProfile",
                    explicit.setters() + " must not set securityContext.seccompProfile.type to "
                            + Text.joinQuote(explicit.values()),
                    paths));
        }
        if (!implicit.isEmpty()) {
            return Optional.of(new Forbidden("seccompProfile",
                    "pod or " + Text.containers(implicit)
                            + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
                    List.of(podPath)));
        }
        return Optional.empty();
    }
}
