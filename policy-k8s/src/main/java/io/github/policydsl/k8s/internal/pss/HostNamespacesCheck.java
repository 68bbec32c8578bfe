package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Baseline {@code hostNamespaces}: {@code hostNetwork}, {@code hostPID} and {@code hostIPC} must not be true. */
final class HostNamespacesCheck {

    static final String ID = "hostNamespaces";

    private HostNamespacesCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, HostNamespacesCheck::v1_0));
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        List<String> bad = new ArrayList<>();
        List<FieldPath> paths = new ArrayList<>();
        if (Boolean.TRUE.equals(pod.spec().getHostNetwork())) {
            bad.add("hostNetwork=true");
            paths.add(PodInput.SPEC.child("hostNetwork"));
        }
        if (Boolean.TRUE.equals(pod.spec().getHostPID())) {
            bad.add("hostPID=true");
            paths.add(PodInput.SPEC.child("hostPID"));
        }
        if (Boolean.TRUE.equals(pod.spec().getHostIPC())) {
            bad.add("hostIPC=true");
            paths.add(PodInput.SPEC.child("hostIPC"));
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("host namespaces", String.join(", ", bad), paths));
    }
}
