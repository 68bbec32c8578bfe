package io.github.policydsl.k8s.network;

import io.fabric8.kubernetes.api.model.Namespace;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.PodTemplate;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A namespace of the manifests: one with a Namespace object, or one that workloads run in. The
 * subject of {@code namespaces()} rules. A finding is located at the Namespace object's
 * {@code metadata.name} when the manifests declare it, otherwise at {@code metadata.namespace} of
 * the first workload in the namespace (the place a reader looks for it); the subject reference
 * always names the namespace.
 */
public final class NamespaceSubject implements Subject {

    private final String name;
    private final LoadedResource object;
    private final List<PodTemplate> workloads;
    private final Manifests manifests;

    private NamespaceSubject(String name, LoadedResource object, List<PodTemplate> workloads, Manifests manifests) {
        this.name = name;
        this.object = object;
        this.workloads = List.copyOf(workloads);
        this.manifests = manifests;
    }

    /**
     * The namespaces of an input, sorted by name.
     *
     * @param manifests the input
     * @return the subjects
     */
    public static List<NamespaceSubject> all(Manifests manifests) {
        TreeSet<String> names = new TreeSet<>();
        manifests.resources(Namespace.class).forEach(r -> names.add(r.name()));
        List<PodTemplate> pods = PodTemplate.all(manifests);
        pods.forEach(p -> names.add(p.namespace()));
        List<NamespaceSubject> out = new ArrayList<>();
        for (String n : names) {
            List<PodTemplate> in = pods.stream().filter(p -> p.namespace().equals(n)).toList();
            out.add(new NamespaceSubject(n, manifests.namespace(n).orElse(null), in, manifests));
        }
        return out;
    }

    /** The namespace name. */
    public String name() {
        return name;
    }

    /** The Namespace object, or null when the manifests do not declare it. */
    public LoadedResource object() {
        return object;
    }

    /** The pod templates that run in the namespace, in load order. */
    public List<PodTemplate> workloads() {
        return workloads;
    }

    /** The input. */
    public Manifests manifests() {
        return manifests;
    }

    private LoadedResource anchor() {
        return object != null ? object : workloads.isEmpty() ? null : workloads.get(0).owner();
    }

    /** Where findings about the namespace are reported: see the class comment. */
    public FieldPath anchorPath() {
        return object != null ? FieldPath.root().child("metadata", "name")
                : FieldPath.root().child("metadata", "namespace");
    }

    @Override
    public SubjectRef ref() {
        return new SubjectRef("v1", "Namespace", "", name, "");
    }

    @Override
    public FieldPath path() {
        return FieldPath.root();
    }

    @Override
    public Location locate(FieldPath path) {
        LoadedResource a = anchor();
        return a == null ? Location.unknown("<input>") : a.locate(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceSubject n && n.name.equals(name) && n.manifests == manifests;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return "Namespace " + name;
    }
}
