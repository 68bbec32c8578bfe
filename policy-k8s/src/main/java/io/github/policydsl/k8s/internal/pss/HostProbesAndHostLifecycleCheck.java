package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Baseline {@code hostProbesAndHostLifecycle} (v1.34+): the {@code host} of {@code httpGet} and
 * {@code tcpSocket} handlers in liveness, readiness and startup probes and in postStart/preStop
 * lifecycle hooks must be unset or empty.
 */
final class HostProbesAndHostLifecycleCheck {

    static final String ID = "hostProbesAndHostLifecycle";

    private HostProbesAndHostLifecycleCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE,
                CheckDefinition.since(34, HostProbesAndHostLifecycleCheck::v1_34));
    }

    private static final class Collector {
        final Set<String> containers = new LinkedHashSet<>();
        final Set<String> hosts = new TreeSet<>();
        final List<FieldPath> paths = new ArrayList<>();

        void handler(ContainerRef c, FieldPath path, HTTPGetAction http, TCPSocketAction tcp) {
            if (http != null && http.getHost() != null && !http.getHost().isEmpty()) {
                add(c, path.child("httpGet", "host"), http.getHost());
            }
            if (tcp != null && tcp.getHost() != null && !tcp.getHost().isEmpty()) {
                add(c, path.child("tcpSocket", "host"), tcp.getHost());
            }
        }

        void probe(ContainerRef c, String field, Probe p) {
            if (p != null) {
                handler(c, c.path().child(field), p.getHttpGet(), p.getTcpSocket());
            }
        }

        void hook(ContainerRef c, String field, LifecycleHandler h) {
            if (h != null) {
                handler(c, c.path().child("lifecycle", field), h.getHttpGet(), h.getTcpSocket());
            }
        }

        private void add(ContainerRef c, FieldPath path, String host) {
            containers.add(c.name());
            hosts.add(host);
            paths.add(path);
        }
    }

    static Optional<Forbidden> v1_34(PodInput pod) {
        Collector col = new Collector();
        for (ContainerRef c : pod.containers()) {
            col.probe(c, "livenessProbe", c.livenessProbe());
            col.probe(c, "readinessProbe", c.readinessProbe());
            col.probe(c, "startupProbe", c.startupProbe());
            if (c.lifecycle() != null) {
                col.hook(c, "postStart", c.lifecycle().getPostStart());
                col.hook(c, "preStop", c.lifecycle().getPreStop());
            }
        }
        if (col.containers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("probe or lifecycle host",
                Text.containers(col.containers) + " " + Text.plural("uses", "use", col.containers.size()) + " "
                        + Text.plural("probe or lifecycle host", "probe or lifecycle hosts", col.hosts.size()) + " "
                        + Text.joinQuote(col.hosts),
                col.paths));
    }
}
