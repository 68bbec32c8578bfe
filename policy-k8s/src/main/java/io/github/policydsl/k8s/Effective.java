package io.github.policydsl.k8s;

import io.github.policydsl.api.result.FieldPath;

import java.util.Objects;

/**
 * An effective setting of a container and where it came from: the container's own field, the
 * pod's field it inherits, a referenced object (a ServiceAccount), or the API server's default.
 * Immutable; the source path is built only when asked for.
 *
 * @param <V> the value type
 */
public final class Effective<V> {

    private static final Effective<?> UNSET = new Effective<>(null, null, "unset");

    private final V value;
    private final String origin;
    private final FieldPath base;
    private final FieldPath relative;
    /** The source path; computed from base and relative on first use (a benign race computes it twice at most). */
    private FieldPath source;

    /**
     * Creates an effective value.
     *
     * @param value the effective value, or null when unset everywhere and without a default
     * @param source the field the value comes from, or null for a default or unset value
     * @param origin a short human description: {@code container}, {@code pod}, {@code
     *     ServiceAccount prod/app}, {@code default} or {@code unset}
     */
    public Effective(V value, FieldPath source, String origin) {
        this.value = value;
        this.source = source;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.base = null;
        this.relative = null;
    }

    private Effective(V value, FieldPath base, FieldPath relative, String origin) {
        this.value = value;
        this.origin = origin;
        this.base = base;
        this.relative = relative;
    }

    /** A value set at {@code base} followed by {@code relative}, the path built when needed. */
    static <V> Effective<V> at(V value, FieldPath base, FieldPath relative, String origin) {
        return new Effective<>(value, base, relative, origin);
    }

    /**
     * An unset value.
     *
     * @param <V> the value type
     * @return a value with no source
     */
    @SuppressWarnings("unchecked")
    public static <V> Effective<V> unset() {
        return (Effective<V>) UNSET;
    }

    /** The effective value, or null when unset everywhere and without a default. */
    public V value() {
        return value;
    }

    /** The field the value comes from, or null for a default or unset value. */
    public FieldPath source() {
        FieldPath s = source;
        if (s == null && base != null) {
            s = base.resolve(relative);
            source = s;
        }
        return s;
    }

    /** Where the value comes from: {@code container}, {@code pod}, {@code default}, {@code unset}, ... */
    public String origin() {
        return origin;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Effective<?> e && Objects.equals(value, e.value) && Objects.equals(source(), e.source())
                && origin.equals(e.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, source(), origin);
    }

    @Override
    public String toString() {
        return "Effective[value=" + value + ", source=" + source() + ", origin=" + origin + "]";
    }
}
