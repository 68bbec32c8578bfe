package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Restricted {@code capabilities_restricted} (v1.22+): every container must drop {@code ALL} and may
 * add only {@code NET_BIND_SERVICE}. From v1.25 Windows pods are exempt. Replaces
 * {@code capabilities_baseline} at restricted.
 */
final class CapabilitiesRestrictedCheck {

    static final String ID = "capabilities_restricted";

    private CapabilitiesRestrictedCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED,
                CheckDefinition.since(22, CapabilitiesRestrictedCheck::v1_22),
                CheckDefinition.since(25, pod -> pod.isWindows() ? Optional.empty() : v1_22(pod)))
                .overriding(CapabilitiesBaselineCheck.ID);
    }

    static Optional<Forbidden> v1_22(PodInput pod) {
        Set<String> missingDropAll = new LinkedHashSet<>();
        Set<String> adding = new LinkedHashSet<>();
        Set<String> forbiddenCaps = new TreeSet<>();
        List<FieldPath> paths = new ArrayList<>();
        for (ContainerRef c : pod.containers()) {
            Capabilities caps = c.securityContext() == null ? null : c.securityContext().getCapabilities();
            FieldPath capsPath = c.securityContextPath("capabilities");
            if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                missingDropAll.add(c.name());
                paths.add(capsPath.child("drop"));
            }
            List<String> add = caps == null ? null : caps.getAdd();
            if (add != null) {
                for (int i = 0; i < add.size(); i++) {
                    if (!"NET_BIND_SERVICE".equals(add.get(i))) {
                        adding.add(c.name());
                        forbiddenCaps.add(add.get(i) == null ? "" : add.get(i));
                        paths.add(capsPath.child("add").index(i));
                    }
                }
            }
        }
        List<String> details = new ArrayList<>();
        if (!missingDropAll.isEmpty()) {
            details.add(Text.containers(missingDropAll) + " must set securityContext.capabilities.drop=[\"ALL\"]");
        }
        if (!adding.isEmpty()) {
            details.add(Text.containers(adding) + " must not include " + Text.joinQuote(forbiddenCaps)
                    + " in securityContext.capabilities.add");
        }
        if (details.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("unrestricted capabilities", String.join("; ", details), paths));
    }
}
