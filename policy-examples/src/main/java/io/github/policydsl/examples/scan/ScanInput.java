package io.github.policydsl.examples.scan;

import io.github.policydsl.k8s.Manifests;

/**
 * What the scanner read: the Kubernetes manifests (and, as packs for them land, Dockerfiles).
 *
 * @param manifests the manifests; empty when no manifest file was found
 */
public record ScanInput(Manifests manifests) {

    /** Whether any manifest file was read. */
    public boolean hasManifests() {
        return !manifests.inputs().isEmpty();
    }
}
