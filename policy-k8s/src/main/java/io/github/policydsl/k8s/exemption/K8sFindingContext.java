package io.github.policydsl.k8s.exemption;

import io.github.policydsl.api.exemption.FindingContext;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.k8s.ContainerRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link FindingContext} of a set of manifests: finds the object behind a finding by
 * apiVersion, kind, namespace (as written) and name, gives its labels and annotations, and maps a
 * pod-level finding whose field path lies inside a container ({@code spec.template.spec.containers[1]...})
 * to that container's name and the path below it. Immutable and thread-safe.
 */
public final class K8sFindingContext implements FindingContext {

    private record Slot(FieldPath path, String name) {
    }

    private final Map<String, LoadedResource> objects;
    private final Map<String, List<Slot>> containers;

    private K8sFindingContext(Map<String, LoadedResource> objects, Map<String, List<Slot>> containers) {
        this.objects = Map.copyOf(objects);
        this.containers = Map.copyOf(containers);
    }

    /**
     * The context of some manifests.
     *
     * @param manifests the manifests the report was made from
     * @return the context
     */
    public static K8sFindingContext of(Manifests manifests) {
        Map<String, LoadedResource> objects = new HashMap<>();
        for (LoadedResource r : manifests.resources()) {
            objects.putIfAbsent(key(r.ref()), r);
        }
        Map<String, List<Slot>> containers = new HashMap<>();
        for (PodTemplate t : PodTemplate.all(manifests)) {
            String k = key(t.ref());
            if (objects.get(k) != t.owner()) {
                continue;
            }
            List<Slot> slots = containers.computeIfAbsent(k, x -> new ArrayList<>());
            for (ContainerRef c : t.containers()) {
                slots.add(new Slot(c.path(), c.name()));
            }
        }
        containers.replaceAll((k, v) -> List.copyOf(v));
        return new K8sFindingContext(objects, containers);
    }

    private static String key(SubjectRef ref) {
        return ref.apiVersion() + "\u0000" + ref.kind() + "\u0000" + ref.namespace() + "\u0000" + ref.name();
    }

    private Slot slot(Violation v) {
        for (Slot s : containers.getOrDefault(key(v.subject()), List.of())) {
            if (v.path().startsWith(s.path())) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String container(Violation violation) {
        Slot s = slot(violation);
        if (s != null) {
            return s.name();
        }
        return violation.subject().container();
    }

    @Override
    public FieldPath pathInContainer(Violation violation) {
        Slot s = slot(violation);
        if (s == null) {
            return violation.path();
        }
        List<Object> rest = violation.path().segments().subList(s.path().size(), violation.path().size());
        FieldPath p = FieldPath.root();
        for (Object seg : rest) {
            p = seg instanceof Integer ? p.index((Integer) seg) : p.child((String) seg);
        }
        return p;
    }

    @Override
    public Map<String, String> labels(SubjectRef subject) {
        LoadedResource r = objects.get(key(subject));
        if (r == null || r.object().getMetadata() == null || r.object().getMetadata().getLabels() == null) {
            return Map.of();
        }
        return Map.copyOf(r.object().getMetadata().getLabels());
    }

    @Override
    public Map<String, String> annotations(SubjectRef subject) {
        LoadedResource r = objects.get(key(subject));
        if (r == null || r.object().getMetadata() == null || r.object().getMetadata().getAnnotations() == null) {
            return Map.of();
        }
        return Map.copyOf(r.object().getMetadata().getAnnotations());
    }
}
