package io.github.policydsl.k8s.internal.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

import java.util.List;

/**
 * The RBAC authorizer's rule matching (k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go):
 * a rule allows a request when its verbs, API groups, resources (with {@code resource/subresource}
 * and {@code *&#47;subresource} forms) and resourceNames all match. Stateless.
 */
public final class RbacMatch {

    private RbacMatch() {
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }

    /**
     * Whether the rule's verbs include the verb or {@code *}.
     *
     * @param rule the rule
     * @param verb the verb
     * @return true on a match
     */
    public static boolean verb(PolicyRule rule, String verb) {
        List<String> v = list(rule.getVerbs());
        return v.contains("*") || v.contains(verb);
    }

    /**
     * Whether the rule's API groups include the group or {@code *}.
     *
     * @param rule the rule
     * @param group the group (empty for core)
     * @return true on a match
     */
    public static boolean group(PolicyRule rule, String group) {
        List<String> g = list(rule.getApiGroups());
        return g.contains("*") || g.contains(group);
    }

    /**
     * Whether the rule's resources include the resource (and subresource).
     *
     * @param rule the rule
     * @param resource the resource
     * @param subresource the subresource, empty for none
     * @return true on a match
     */
    public static boolean resource(PolicyRule rule, String resource, String subresource) {
        String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
        for (String r : list(rule.getResources())) {
            if ("*".equals(r) || r.equals(combined) || (!subresource.isEmpty() && r.equals("*/" + subresource))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the rule's resourceNames allow the name: any name when the rule lists none,
     * otherwise only a listed name (never a collection request with an empty name).
     *
     * @param rule the rule
     * @param name the object name, empty for collection requests
     * @return true on a match
     */
    public static boolean name(PolicyRule rule, String name) {
        List<String> n = list(rule.getResourceNames());
        return n.isEmpty() || (!name.isEmpty() && n.contains(name));
    }

    /**
     * Whether the rule allows a verb on a resource for at least one object (resourceNames are
     * ignored: a rule restricted to names still grants the verb on those objects).
     *
     * @param rule the rule
     * @param verb the verb
     * @param group the API group
     * @param resource the resource
     * @param subresource the subresource, empty for none
     * @return true on a match
     */
    public static boolean grantsSome(PolicyRule rule, String verb, String group, String resource, String subresource) {
        return verb(rule, verb) && group(rule, group) && resource(rule, resource, subresource);
    }

    /**
     * Whether the rule is {@code *} verbs on {@code *} resources in {@code *} API groups.
     *
     * @param rule the rule
     * @return true for the cluster-admin shape
     */
    public static boolean isAllOnAll(PolicyRule rule) {
        return list(rule.getVerbs()).contains("*") && list(rule.getResources()).contains("*")
                && list(rule.getApiGroups()).contains("*");
    }
}
