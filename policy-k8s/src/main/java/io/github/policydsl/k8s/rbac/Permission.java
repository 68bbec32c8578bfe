package io.github.policydsl.k8s.rbac;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A permission a subject is declared to need, for least-privilege assertions
 * ({@code serviceAccount("production/monitoring-sa").mayOnly(Permission.parse("get,list,watch pods"))}).
 * A grant is covered when each of its verbs, API groups and resources is listed here; a
 * wildcard in a grant is covered only by the same wildcard here.
 *
 * @param verbs the verbs, e.g. {@code get, list, watch}; {@code *} allows every verb
 * @param apiGroup the API group; empty for core; {@code *} for every group
 * @param resource the resource as written in a rule, e.g. {@code pods} or {@code pods/log}; {@code *} for every one
 * @param resourceNames when non-empty, only grants restricted to a subset of these names are covered
 */
public record Permission(Set<String> verbs, String apiGroup, String resource, Set<String> resourceNames) {

    /** Validates and copies the components. */
    public Permission {
        verbs = Set.copyOf(verbs);
        apiGroup = apiGroup == null ? "" : apiGroup;
        Objects.requireNonNull(resource, "resource");
        resourceNames = Set.copyOf(resourceNames);
        if (verbs.isEmpty()) {
            throw new IllegalArgumentException("a permission needs at least one verb");
        }
    }

    /**
     * Parses {@code VERB[,VERB...] RESOURCE[.GROUP][/SUBRESOURCE]}, e.g. {@code get,list,watch pods}
     * or {@code get deployments.apps}.
     *
     * @param text the permission
     * @return the permission
     */
    public static Permission parse(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("expected 'VERBS RESOURCE[.GROUP][/SUBRESOURCE]': " + text);
        }
        String[] rgs = ResourceSpec.split(parts[1]);
        Set<String> verbs = new LinkedHashSet<>(Arrays.asList(parts[0].split(",")));
        verbs.remove("");
        String res = rgs[2].isEmpty() ? rgs[0] : rgs[0] + "/" + rgs[2];
        return new Permission(verbs, rgs[1], res, Set.of());
    }

    /**
     * The same permission restricted to named objects.
     *
     * @param names the object names
     * @return a new permission
     */
    public Permission onlyNamed(String... names) {
        return new Permission(verbs, apiGroup, resource, Set.of(names));
    }

    /**
     * Whether this permission covers one verb on one resource of a group, for a rule with these
     * resource names.
     *
     * @param verb the granted verb (possibly {@code *})
     * @param group the granted group (possibly {@code *})
     * @param res the granted resource (possibly {@code *})
     * @param grantedNames the rule's resourceNames (empty: all objects)
     * @return true if covered
     */
    public boolean covers(String verb, String group, String res, List<String> grantedNames) {
        boolean v = verbs.contains("*") || verbs.contains(verb);
        boolean g = "*".equals(apiGroup) || apiGroup.equals(group);
        boolean r = "*".equals(resource) || resource.equals(res);
        boolean n = resourceNames.isEmpty() || (!grantedNames.isEmpty() && resourceNames.containsAll(grantedNames));
        return v && g && r && n;
    }

    @Override
    public String toString() {
        String g = apiGroup.isEmpty() ? "" : "." + apiGroup;
        return String.join(",", verbs) + " " + resource + g
                + (resourceNames.isEmpty() ? "" : " named " + String.join(",", resourceNames));
    }
}
