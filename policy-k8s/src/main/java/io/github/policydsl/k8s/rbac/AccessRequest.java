package io.github.policydsl.k8s.rbac;

import java.util.Objects;

/**
 * One API request as the RBAC authorizer sees it: a verb on a resource (with optional
 * subresource and object name) of an API group, in a namespace or cluster-wide.
 *
 * @param verb e.g. {@code get}, {@code create}, {@code impersonate}
 * @param apiGroup the API group; empty for the core group
 * @param resource the resource, e.g. {@code pods}
 * @param subresource e.g. {@code exec}; empty for none
 * @param name the object name; empty for collection requests (list, watch, create)
 * @param namespace the namespace; empty for a cluster-wide request (cluster-scoped resources or
 *     all namespaces), which only ClusterRoleBindings grant
 */
public record AccessRequest(String verb, String apiGroup, String resource, String subresource, String name,
        String namespace) {

    /** Validates the components, turning nulls into empty strings. */
    public AccessRequest {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
        apiGroup = apiGroup == null ? "" : apiGroup;
        subresource = subresource == null ? "" : subresource;
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
        if (verb.isEmpty() || resource.isEmpty()) {
            throw new IllegalArgumentException("verb and resource must not be empty");
        }
    }

    /**
     * Parses kubectl {@code auth can-i} style: {@code VERB RESOURCE[.GROUP][/SUBRESOURCE]}, e.g.
     * {@code get secrets}, {@code create pods/exec}, {@code get deployments.apps},
     * {@code update certificatesigningrequests.certificates.k8s.io/approval}. The request is
     * cluster-wide until {@link #in(String)} names a namespace.
     *
     * @param text the request
     * @return the request
     * @throws IllegalArgumentException if the text is not {@code VERB RESOURCE}
     */
    public static AccessRequest parse(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("expected 'VERB RESOURCE[.GROUP][/SUBRESOURCE]': " + text);
        }
        String[] rgs = ResourceSpec.split(parts[1]);
        return new AccessRequest(parts[0], rgs[1], rgs[0], rgs[2], "", "");
    }

    /**
     * The same request in a namespace.
     *
     * @param ns the namespace
     * @return a new request
     */
    public AccessRequest in(String ns) {
        return new AccessRequest(verb, apiGroup, resource, subresource, name, ns);
    }

    /**
     * The same request for one named object.
     *
     * @param objectName the name
     * @return a new request
     */
    public AccessRequest named(String objectName) {
        return new AccessRequest(verb, apiGroup, resource, subresource, objectName, namespace);
    }

    /** The resource as written in a rule: {@code pods} or {@code pods/exec}. */
    public String resourcePath() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /** Human form: {@code create pods/exec in namespace "production"}. */
    public String display() {
        StringBuilder sb = new StringBuilder(verb).append(' ').append(resourcePath());
        if (!apiGroup.isEmpty()) {
            sb.append(" (").append(apiGroup).append(')');
        }
        if (!name.isEmpty()) {
            sb.append(" named \"").append(name).append('"');
        }
        sb.append(namespace.isEmpty() ? " cluster-wide" : " in namespace \"" + namespace + "\"");
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
