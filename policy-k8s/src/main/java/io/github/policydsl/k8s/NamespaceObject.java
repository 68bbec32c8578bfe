package io.github.policydsl.k8s;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Namespace} object of the input, the subject of {@code K8sRules.namespaces()} rules
 * (for example "namespaces must carry a Pod Security enforce label"). Labels are the object's own.
 * Immutable.
 */
public final class NamespaceObject implements Subject {

    private static final FieldPath LABELS = FieldPath.root().child("metadata", "labels");

    private final LoadedResource resource;

    private NamespaceObject(LoadedResource resource) {
        this.resource = resource;
    }

    /**
     * The Namespace objects of an input, in load order.
     *
     * @param manifests the input
     * @return every Namespace (computed once per input)
     */
    public static List<NamespaceObject> all(Manifests manifests) {
        Objects.requireNonNull(manifests, "manifests");
        return manifests.derived(NamespaceObject.class, m -> {
            List<NamespaceObject> out = new ArrayList<>();
            for (LoadedResource r : m.resources(Namespace.class)) {
                out.add(new NamespaceObject(r));
            }
            return List.copyOf(out);
        });
    }

    /**
     * Wraps one loaded Namespace.
     *
     * @param resource a resource whose object is a {@link Namespace}
     * @return the subject
     * @throws IllegalArgumentException if the object is not a Namespace
     */
    public static NamespaceObject of(LoadedResource resource) {
        if (!(Objects.requireNonNull(resource, "resource").object() instanceof Namespace)) {
            throw new IllegalArgumentException("not a Namespace: " + resource.kind());
        }
        return new NamespaceObject(resource);
    }

    /** The loaded object. */
    public LoadedResource resource() {
        return resource;
    }

    /** The namespace name. */
    public String name() {
        return resource.name();
    }

    /** The labels; never null. */
    public Map<String, String> labels() {
        ObjectMeta m = resource.object().getMetadata();
        return m == null || m.getLabels() == null ? Map.of() : m.getLabels();
    }

    /** The path of the labels, {@code metadata.labels}. */
    public FieldPath labelsPath() {
        return LABELS;
    }

    /**
     * The path of one label; the key is one path segment even when it contains dots or slashes.
     *
     * @param key the label key, e.g. {@code pod-security.kubernetes.io/enforce}
     * @return {@code metadata.labels.<key>}
     */
    public FieldPath labelPath(String key) {
        return LABELS.child(key);
    }

    @Override
    public SubjectRef ref() {
        return resource.ref();
    }

    @Override
    public FieldPath path() {
        return FieldPath.root();
    }

    @Override
    public Location locate(FieldPath path) {
        return resource.locate(path);
    }

    @Override
    public String toString() {
        return ref().display();
    }
}
