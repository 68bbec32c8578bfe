package io.github.policydsl.k8s;

import io.github.policydsl.api.result.FieldPath;

/**
 * An effective setting of a container and where it came from: the container's own field, the
 * pod's field it inherits, a referenced object (a ServiceAccount), or the API server's default.
 *
 * @param value the effective value, or null when unset everywhere and without a default
 * @param source the field the value comes from, or null for a default or unset value
 * @param origin a short human description: {@code container}, {@code pod}, {@code ServiceAccount
 *     prod/app}, {@code default} or {@code unset}
 * @param <V> the value type
 */
public record Effective<V>(V value, FieldPath source, String origin) {

    /**
     * An unset value.
     *
     * @param <V> the value type
     * @return a value with no source
     */
    public static <V> Effective<V> unset() {
        return new Effective<>(null, null, "unset");
    }

    /** Whether the value is set anywhere. */
    public boolean isSet() {
        return value != null;
    }

    /** Human form, e.g. {@code false (from the pod)}. */
    public String describe() {
        if (value == null) {
            return "unset on the container and the pod";
        }
        return value + " (" + ("default".equals(origin) ? "the default" : "set on the " + origin) + ")";
    }
}
