package io.github.policydsl.k8s.network;

import io.github.policydsl.k8s.PodTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which pod templates a reachability question is about: those with all the given labels,
 * optionally in one namespace. Immutable.
 *
 * @param labels the labels every selected template carries
 * @param namespace the namespace, or empty for any
 */
public record PodSelection(Map<String, String> labels, String namespace) {

    /** Validates and copies the components. */
    public PodSelection {
        labels = Map.copyOf(labels);
        namespace = namespace == null ? "" : namespace;
    }

    /**
     * Pod templates labelled with {@code key=value[,key=value...]}.
     *
     * @param selector e.g. {@code app=frontend}
     * @return the selection
     * @throws IllegalArgumentException for text that is not key=value pairs
     */
    public static PodSelection labelled(String selector) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : selector.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value[,key=value...]: " + selector);
            }
            m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return new PodSelection(m, "");
    }

    /**
     * Every pod template (optionally narrowed with {@link #inNamespace(String)}).
     *
     * @return the selection
     */
    public static PodSelection all() {
        return new PodSelection(Map.of(), "");
    }

    /**
     * The same selection in one namespace.
     *
     * @param ns the namespace
     * @return a new selection
     */
    public PodSelection inNamespace(String ns) {
        return new PodSelection(labels, Objects.requireNonNull(ns));
    }

    /**
     * Whether a pod template is selected.
     *
     * @param pod the template
     * @return true if in the namespace (if any) and carrying every label
     */
    public boolean matches(PodTemplate pod) {
        if (!namespace.isEmpty() && !namespace.equals(pod.namespace())) {
            return false;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!e.getValue().equals(pod.labels().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        String l = labels.isEmpty() ? "all pods" : "pods labelled " + String.join(",",
                labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        return namespace.isEmpty() ? l : l + " in namespace \"" + namespace + "\"";
    }
}
