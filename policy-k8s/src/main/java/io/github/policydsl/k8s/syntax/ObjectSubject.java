package io.github.policydsl.k8s.syntax;

import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.Map;

/**
 * A subject that is one whole Kubernetes object (a Role, a NetworkPolicy, a Secret ...), with the
 * input it was found in for lookups across objects. Field paths are relative to the object, and
 * violations are located in the object's source file.
 */
public interface ObjectSubject extends Subject {

    /** The object as loaded. */
    LoadedResource resource();

    /** The input the object belongs to. */
    Manifests manifests();

    /** The object's name, or an empty string. */
    default String name() {
        return resource().name();
    }

    /** The namespace the object lands in ({@code default} when unset); empty for cluster-scoped kinds. */
    default String namespace() {
        return resource().effectiveNamespace();
    }

    /** The object's labels; never null. */
    default Map<String, String> labels() {
        var m = resource().object().getMetadata();
        return m == null || m.getLabels() == null ? Map.of() : m.getLabels();
    }

    @Override
    default SubjectRef ref() {
        return resource().ref();
    }

    @Override
    default FieldPath path() {
        return FieldPath.root();
    }

    @Override
    default Location locate(FieldPath path) {
        return resource().locate(path);
    }
}
