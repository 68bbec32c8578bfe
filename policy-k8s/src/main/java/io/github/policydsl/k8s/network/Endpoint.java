package io.github.policydsl.k8s.network;

import io.github.policydsl.k8s.PodTemplate;

import java.util.Objects;

/**
 * One end of a connection: the pods of a pod template, or an IP address outside the modelled
 * pods (matched only by {@code ipBlock} peers).
 *
 * @param pod the pod template, or null for an IP
 * @param ip the address literal, or null for a pod
 */
public record Endpoint(PodTemplate pod, String ip) {

    /** Validates that exactly one component is set. */
    public Endpoint {
        if ((pod == null) == (ip == null)) {
            throw new IllegalArgumentException("an endpoint is a pod template or an IP address");
        }
    }

    /**
     * The pods of a template.
     *
     * @param pod the template
     * @return the endpoint
     */
    public static Endpoint of(PodTemplate pod) {
        return new Endpoint(Objects.requireNonNull(pod), null);
    }

    /**
     * An IP address.
     *
     * @param ip e.g. {@code 203.0.113.7}
     * @return the endpoint
     */
    public static Endpoint ip(String ip) {
        return new Endpoint(null, Objects.requireNonNull(ip));
    }

    /** Whether this is a pod. */
    public boolean isPod() {
        return pod != null;
    }

    /** Human form: {@code Deployment production/web} or {@code 203.0.113.7}. */
    public String display() {
        return pod != null ? pod.ref().display() : ip;
    }

    @Override
    public String toString() {
        return display();
    }
}
