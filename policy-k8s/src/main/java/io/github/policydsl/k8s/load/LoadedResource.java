package io.github.policydsl.k8s.load;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;

import java.util.Objects;

/**
 * One Kubernetes object as loaded: the typed fabric8 object (or a
 * {@code GenericKubernetesResource} for CRDs and unknown kinds), the file and document it came
 * from, and its source positions. Treat the object as read-only: rules never change it.
 *
 * @param object the object
 * @param file the file name as given to the loader
 * @param document the 0-based document index in the file
 * @param base the object's path within its document ({@code items[2]} inside a {@code List}, else root)
 * @param sourceMap the positions of the document
 */
public record LoadedResource(HasMetadata object, String file, int document, FieldPath base, SourceMap sourceMap) {

    /** Validates the components. */
    public LoadedResource {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(sourceMap, "sourceMap");
    }

    /** The kind, e.g. {@code Deployment}. */
    public String kind() {
        return object.getKind() == null ? "" : object.getKind();
    }

    /** The API version, e.g. {@code apps/v1}. */
    public String apiVersion() {
        return object.getApiVersion() == null ? "" : object.getApiVersion();
    }

    /** The name, or an empty string. */
    public String name() {
        ObjectMeta m = object.getMetadata();
        return m == null || m.getName() == null ? "" : m.getName();
    }

    /** The namespace as written, or an empty string. */
    public String namespace() {
        ObjectMeta m = object.getMetadata();
        return m == null || m.getNamespace() == null ? "" : m.getNamespace();
    }

    /**
     * The namespace the object lands in when applied without {@code -n}: its own, else
     * {@code default}. Meaningless for cluster-scoped kinds.
     *
     * @return the effective namespace
     */
    public String effectiveNamespace() {
        String ns = namespace();
        return ns.isEmpty() ? "default" : ns;
    }

    /** A reference for reports. */
    public SubjectRef ref() {
        return new SubjectRef(apiVersion(), kind(), namespace(), name(), "");
    }

    /**
     * The location of the most specific existing node of a path in this object.
     *
     * @param path a path relative to the object, e.g. {@code spec.replicas}
     * @return the location
     */
    public Location locate(FieldPath path) {
        return sourceMap.locate(base.resolve(path));
    }

    /**
     * An anchor for locating many fields below one prefix of this object (such as its pod spec)
     * without walking from the document root each time.
     *
     * @param prefix a path relative to the object
     * @return the anchor; its locations equal {@link #locate(FieldPath)}'s
     */
    public SourceMap.Anchor anchor(FieldPath prefix) {
        return sourceMap.anchor(base, prefix);
    }

    /**
     * Whether the object's source has a node at this path.
     *
     * @param path a path relative to the object
     * @return true if present in the source
     */
    public boolean hasNode(FieldPath path) {
        return sourceMap.contains(base.resolve(path));
    }
}
