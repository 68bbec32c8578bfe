package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;

import java.util.Map;

/**
 * What exemptions and baselines need to know about the object behind a finding that the finding
 * itself does not say: which container a pod-level finding concerns, the field path relative to
 * that container, and the object's labels and annotations. Domain modules implement it over their
 * input (for Kubernetes: {@code K8sFindingContext.of(manifests)}). Implementations must be
 * immutable and thread-safe.
 */
public interface FindingContext {

    /**
     * The name of the container a finding concerns, or an empty string.
     *
     * @param violation the finding
     * @return the container name
     */
    default String container(Violation violation) {
        return violation.subject().container();
    }

    /**
     * The finding's field path relative to its container ({@code securityContext.runAsUser}), or
     * the full path when it concerns no container.
     *
     * @param violation the finding
     * @return the path
     */
    default FieldPath pathInContainer(Violation violation) {
        return violation.path();
    }

    /**
     * The labels of the object.
     *
     * @param subject the object (the container component is ignored)
     * @return the labels; empty if unknown
     */
    default Map<String, String> labels(SubjectRef subject) {
        return Map.of();
    }

    /**
     * The annotations of the object.
     *
     * @param subject the object (the container component is ignored)
     * @return the annotations; empty if unknown
     */
    default Map<String, String> annotations(SubjectRef subject) {
        return Map.of();
    }

    /** A context that knows only what findings say about themselves. */
    static FindingContext basic() {
        return new FindingContext() {
        };
    }
}
