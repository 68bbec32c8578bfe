package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.github.policydsl.api.result.FieldPath;
import java.util.List;

/**
 * One container of any slot (init, regular, ephemeral), with its path relative to the pod root.
 * fabric8 models ephemeral containers with a separate class, so the fields the checks read are
 * copied here.
 *
 * @param name the container name (may be null in malformed input; reported as empty)
 * @param path e.g. {@code spec.initContainers[0]}
 * @param securityContext may be null
 * @param ports never null
 * @param livenessProbe may be null
 * @param readinessProbe may be null
 * @param startupProbe may be null
 * @param lifecycle may be null
 */
public record ContainerRef(
        String name,
        FieldPath path,
        SecurityContext securityContext,
        List<ContainerPort> ports,
        Probe livenessProbe,
        Probe readinessProbe,
        Probe startupProbe,
        Lifecycle lifecycle) {

    static ContainerRef of(Container c, FieldPath path) {
        return new ContainerRef(c.getName() == null ? "" : c.getName(), path, c.getSecurityContext(),
                nonNull(c.getPorts()), c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe(),
                c.getLifecycle());
    }

    static ContainerRef of(EphemeralContainer c, FieldPath path) {
        return new ContainerRef(c.getName() == null ? "" : c.getName(), path, c.getSecurityContext(),
                nonNull(c.getPorts()), c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe(),
                c.getLifecycle());
    }

    private static List<ContainerPort> nonNull(List<ContainerPort> ports) {
        return ports == null ? List.of() : ports;
    }

    /** The path of this container's {@code securityContext} followed by the given names. */
    FieldPath securityContextPath(String... names) {
        return path.child("securityContext").child(names);
    }
}
