package io.github.policydsl.k8s.rbac;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who a request is made by, as RBAC sees it: a user, a group or a ServiceAccount. A
 * ServiceAccount authenticates as the user {@code system:serviceaccount:<ns>:<name>} in the groups
 * {@code system:serviceaccounts}, {@code system:serviceaccounts:<ns>} and
 * {@code system:authenticated}; every other user except {@code system:anonymous} is in
 * {@code system:authenticated}, and {@code system:anonymous} is in {@code system:unauthenticated}.
 *
 * @param kind user, group or ServiceAccount
 * @param namespace the ServiceAccount's namespace; empty for users and groups
 * @param name the user, group or ServiceAccount name
 */
public record Principal(Kind kind, String namespace, String name) implements Comparable<Principal> {

    /** The three kinds of RBAC subjects. */
    public enum Kind {
        /** A user, {@code kind: User}. */
        USER("User"),
        /** A group, {@code kind: Group}. */
        GROUP("Group"),
        /** A ServiceAccount, {@code kind: ServiceAccount}. */
        SERVICE_ACCOUNT("ServiceAccount");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The kind as written in a binding, e.g. {@code ServiceAccount}. */
        public String text() {
            return text;
        }
    }

    /** Validates the components. */
    public Principal {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
        if (kind == Kind.SERVICE_ACCOUNT && namespace.isEmpty()) {
            throw new IllegalArgumentException("a ServiceAccount needs a namespace: " + name);
        }
    }

    /**
     * A ServiceAccount.
     *
     * @param namespace its namespace
     * @param name its name
     * @return the principal
     */
    public static Principal serviceAccount(String namespace, String name) {
        return new Principal(Kind.SERVICE_ACCOUNT, namespace, name);
    }

    /**
     * A user.
     *
     * @param name the user name, e.g. {@code jane} or {@code system:anonymous}
     * @return the principal
     */
    public static Principal user(String name) {
        return new Principal(Kind.USER, "", name);
    }

    /**
     * A group.
     *
     * @param name the group name, e.g. {@code system:authenticated}
     * @return the principal
     */
    public static Principal group(String name) {
        return new Principal(Kind.GROUP, "", name);
    }

    /**
     * Parses {@code namespace/name} (a ServiceAccount), {@code system:serviceaccount:ns:name},
     * {@code user:NAME} or {@code group:NAME}.
     *
     * @param text the text
     * @return the principal
     * @throws IllegalArgumentException for other forms
     */
    public static Principal parse(String text) {
        if (text.startsWith("user:")) {
            return user(text.substring(5));
        }
        if (text.startsWith("group:")) {
            return group(text.substring(6));
        }
        if (text.startsWith("system:serviceaccount:")) {
            String[] p = text.substring("system:serviceaccount:".length()).split(":", -1);
            if (p.length == 2 && !p[0].isEmpty() && !p[1].isEmpty()) {
                return serviceAccount(p[0], p[1]);
            }
        }
        int slash = text.indexOf('/');
        if (slash > 0 && slash < text.length() - 1 && text.indexOf('/', slash + 1) < 0) {
            return serviceAccount(text.substring(0, slash), text.substring(slash + 1));
        }
        throw new IllegalArgumentException("expected namespace/name (a ServiceAccount), user:NAME or group:NAME: "
                + text);
    }

    /** The user name the API server sees; for a group, the group name. */
    public String username() {
        return kind == Kind.SERVICE_ACCOUNT ? "system:serviceaccount:" + namespace + ":" + name : name;
    }

    /** The groups this principal is in by construction (not those an identity provider adds). */
    public List<String> groups() {
        List<String> g = new ArrayList<>();
        switch (kind) {
            case SERVICE_ACCOUNT -> {
                g.add("system:serviceaccounts");
                g.add("system:serviceaccounts:" + namespace);
                g.add("system:authenticated");
            }
            case USER -> g.add("system:anonymous".equals(name) ? "system:unauthenticated" : "system:authenticated");
            default -> {
            }
        }
        return g;
    }

    /** Human form: {@code ServiceAccount production/monitoring-sa}, {@code User jane}. */
    public String display() {
        return kind.text() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }

    @Override
    public int compareTo(Principal o) {
        int c = kind.compareTo(o.kind);
        if (c == 0) {
            c = namespace.compareTo(o.namespace);
        }
        return c == 0 ? name.compareTo(o.name) : c;
    }

    @Override
    public String toString() {
        return display();
    }
}
