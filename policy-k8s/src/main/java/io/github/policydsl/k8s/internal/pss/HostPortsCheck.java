package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Baseline {@code hostPorts}: every container port's {@code hostPort} must be unset or 0. */
final class HostPortsCheck {

    static final String ID = "hostPorts";

    private HostPortsCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, HostPortsCheck::v1_0));
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        Set<String> containers = new LinkedHashSet<>();
        TreeSet<Integer> ports = new TreeSet<>();
        List<FieldPath> paths = new ArrayList<>();
        for (ContainerRef c : pod.containers()) {
            List<ContainerPort> list = c.ports();
            for (int i = 0; i < list.size(); i++) {
                ContainerPort p = list.get(i);
                if (p != null && p.getHostPort() != null && p.getHostPort() != 0) {
                    containers.add(c.name());
                    ports.add(p.getHostPort());
                    paths.add(c.path().child("ports").index(i).child("hostPort"));
                }
            }
        }
        if (containers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("hostPort",
                Text.containers(containers) + " " + Text.plural("uses", "use", containers.size()) + " "
                        + Text.plural("hostPort", "hostPorts", ports.size()) + " "
                        + ports.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                paths));
    }
}
