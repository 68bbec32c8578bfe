package io.github.policydsl.k8s.rbac;

/** Splits kubectl resource notation; package-private helper. */
final class ResourceSpec {

    private ResourceSpec() {
    }

    /**
     * Splits {@code resource[.group][/subresource]}.
     *
     * @param text e.g. {@code deployments.apps} or {@code pods/exec}
     * @return resource, group, subresource (empty strings when absent)
     */
    static String[] split(String text) {
        String sub = "";
        int slash = text.indexOf('/');
        String main = text;
        if (slash >= 0) {
            sub = text.substring(slash + 1);
            main = text.substring(0, slash);
        }
        String group = "";
        int dot = main.indexOf('.');
        if (dot >= 0) {
            group = main.substring(dot + 1);
            main = main.substring(0, dot);
        }
        if (main.isEmpty()) {
            throw new IllegalArgumentException("empty resource in '" + text + "'");
        }
        return new String[] {main, group, sub};
    }
}
