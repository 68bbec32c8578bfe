package io.github.policydsl.examples.scan;

import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.k8s.Manifests;

/**
 * What the scanner read: the Kubernetes manifests and the Dockerfiles.
 *
 * @param manifests the manifests; empty when no manifest file was found
 * @param dockerfiles the Dockerfiles (found by name); empty when none was found
 */
public record ScanInput(Manifests manifests, Dockerfiles dockerfiles) {

    /**
     * Manifests only.
     *
     * @param manifests the manifests
     */
    public ScanInput(Manifests manifests) {
        this(manifests, Dockerfiles.empty());
    }

    /** Whether any manifest file was read. */
    public boolean hasManifests() {
        return !manifests.inputs().isEmpty();
    }

    /** Whether any Dockerfile was found, including ones that could not be parsed. */
    public boolean hasDockerfiles() {
        return !dockerfiles.inputs().isEmpty() || !dockerfiles.errors().isEmpty();
    }
}
