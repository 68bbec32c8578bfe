package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.api.result.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects who set a forbidden value (the pod and/or named containers), which values, and the
 * offending field paths, in visiting order. Not thread-safe; one per check invocation.
 */
final class Offenders {

    private boolean pod;
    private final Set<String> containers = new LinkedHashSet<>();
    private final Set<String> values = new TreeSet<>();
    private final List<FieldPath> paths = new ArrayList<>();

    Offenders pod(FieldPath path) {
        pod = true;
        paths.add(path);
        return this;
    }

    Offenders container(ContainerRef c, FieldPath path) {
        containers.add(c.name());
        paths.add(path);
        return this;
    }

    Offenders value(String value) {
        values.add(value == null ? "" : value);
        return this;
    }

    Offenders path(FieldPath path) {
        paths.add(path);
        return this;
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    boolean hasPod() {
        return pod;
    }

    Set<String> containerNames() {
        return containers;
    }

    Set<String> values() {
        return values;
    }

    List<FieldPath> paths() {
        return paths;
    }

    /** {@code pod}, {@code container "a"}, or {@code pod and containers "a", "b"}. */
    String setters() {
        List<String> parts = new ArrayList<>(2);
        if (pod) {
            parts.add("pod");
        }
        if (!containers.isEmpty()) {
            parts.add(Text.containers(containers));
        }
        return String.join(" and ", parts);
    }
}
