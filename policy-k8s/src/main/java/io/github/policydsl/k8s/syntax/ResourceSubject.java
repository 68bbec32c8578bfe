package io.github.policydsl.k8s.syntax;

import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A plain {@link ObjectSubject}: one object of any kind (Secret, ConfigMap, NetworkPolicy,
 * ServiceAccount, ExternalSecret ...). Immutable.
 *
 * @param resource the object
 * @param manifests the input it belongs to
 */
public record ResourceSubject(LoadedResource resource, Manifests manifests) implements ObjectSubject {

    /** Validates the components. */
    public ResourceSubject {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(manifests, "manifests");
    }

    /**
     * The objects of an input that satisfy a test, as subjects, in load order.
     *
     * @param manifests the input
     * @param test which objects
     * @return the subjects
     */
    public static List<ResourceSubject> all(Manifests manifests, Predicate<LoadedResource> test) {
        return manifests.resources().stream().filter(test).map(r -> new ResourceSubject(r, manifests)).toList();
    }

    @Override
    public String toString() {
        return ref().display();
    }
}
