package io.github.policydsl.api.result;

import java.util.Objects;

/**
 * A compact reference to what a result is about: a Kubernetes object (and container), a
 * Dockerfile stage or instruction. Fields that do not apply are empty strings.
 *
 * @param apiVersion the API version, e.g. {@code apps/v1}; empty if not applicable
 * @param kind the kind, e.g. {@code Deployment} or {@code Dockerfile}
 * @param namespace the namespace; empty for cluster-scoped objects and non-Kubernetes subjects
 * @param name the name
 * @param container the container (or stage) name, empty when the subject is the whole object
 */
public record SubjectRef(String apiVersion, String kind, String namespace, String name, String container)
        implements Comparable<SubjectRef> {

    /** Validates the components, turning nulls into empty strings. */
    public SubjectRef {
        apiVersion = apiVersion == null ? "" : apiVersion;
        kind = Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        container = container == null ? "" : container;
    }

    /**
     * The same reference narrowed to a container.
     *
     * @param containerName the container name
     * @return a new reference
     */
    public SubjectRef withContainer(String containerName) {
        return new SubjectRef(apiVersion, kind, namespace, name, containerName);
    }

    /** Human form: {@code Deployment prod/web, container "app"}. */
    public String display() {
        StringBuilder sb = new StringBuilder(kind);
        if (!name.isEmpty() || !namespace.isEmpty()) {
            sb.append(' ');
            if (!namespace.isEmpty()) {
                sb.append(namespace).append('/');
            }
            sb.append(name);
        }
        if (!container.isEmpty()) {
            sb.append(", container \"").append(container).append('"');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public int compareTo(SubjectRef o) {
        int c = kind.compareTo(o.kind);
        if (c == 0) {
            c = namespace.compareTo(o.namespace);
        }
        if (c == 0) {
            c = name.compareTo(o.name);
        }
        if (c == 0) {
            c = container.compareTo(o.container);
        }
        if (c == 0) {
            c = apiVersion.compareTo(o.apiVersion);
        }
        return c;
    }
}
