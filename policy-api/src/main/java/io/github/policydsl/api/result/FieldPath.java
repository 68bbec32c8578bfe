package io.github.policydsl.api.result;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The path of a field inside a structured document, such as
 * {@code spec.template.spec.containers[1].securityContext.runAsNonRoot}.
 *
 * <p>A path names the field that must change, whether or not it exists in the source. Segments are
 * either property names or list indexes. Paths are immutable; {@link #child(String)} and
 * {@link #index(int)} return new paths.
 */
public final class FieldPath implements Comparable<FieldPath> {

    private static final Object[] NONE = new Object[0];
    private static final FieldPath ROOT = new FieldPath(NONE);

    /** String and Integer segments, outermost first; never modified after construction. */
    private final Object[] segments;
    private int hash;

    private FieldPath(Object[] segments) {
        this.segments = segments;
    }

    /** The empty path, which denotes the document root. */
    public static FieldPath root() {
        return ROOT;
    }

    /**
     * Parses a dotted path such as {@code spec.containers[0].image}.
     *
     * @param dotted the dotted form; empty for the root
     * @return the path
     * @throws IllegalArgumentException if the text is not a valid dotted path
     */
    public static FieldPath parse(String dotted) {
        Objects.requireNonNull(dotted, "dotted");
        FieldPath path = ROOT;
        int i = 0;
        int n = dotted.length();
        StringBuilder name = new StringBuilder();
        while (i < n) {
            char c = dotted.charAt(i);
            if (c == '.') {
                if (name.length() == 0 && (i == 0 || dotted.charAt(i - 1) != ']')) {
                    throw new IllegalArgumentException("empty segment in field path: " + dotted);
                }
                if (name.length() > 0) {
                    path = path.child(name.toString());
                    name.setLength(0);
                }
                i++;
            } else if (c == '[') {
                if (name.length() > 0) {
                    path = path.child(name.toString());
                    name.setLength(0);
                }
                int close = dotted.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in field path: " + dotted);
                }
                String digits = dotted.substring(i + 1, close);
                try {
                    path = path.index(Integer.parseInt(digits));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad index '" + digits + "' in field path: " + dotted, e);
                }
                i = close + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        if (name.length() > 0) {
            path = path.child(name.toString());
        }
        return path;
    }

    /**
     * Returns this path extended by a property name.
     *
     * @param name the property name
     * @return a new path
     */
    public FieldPath child(String name) {
        Objects.requireNonNull(name, "name");
        return append(name);
    }

    /**
     * Returns this path extended by a sequence of property names.
     *
     * @param names the property names, outermost first
     * @return a new path
     */
    public FieldPath child(String... names) {
        if (names.length == 0) {
            return this;
        }
        Object[] all = Arrays.copyOf(segments, segments.length + names.length);
        for (int i = 0; i < names.length; i++) {
            all[segments.length + i] = Objects.requireNonNull(names[i], "name");
        }
        return new FieldPath(all);
    }

    /**
     * Returns this path extended by a list index.
     *
     * @param index the zero-based index
     * @return a new path
     */
    public FieldPath index(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative index " + index);
        }
        return append(index);
    }

    /**
     * Returns this path followed by all segments of {@code other}.
     *
     * @param other the relative path to append
     * @return a new path
     */
    public FieldPath resolve(FieldPath other) {
        if (other.segments.length == 0) {
            return this;
        }
        if (segments.length == 0) {
            return other;
        }
        Object[] all = Arrays.copyOf(segments, segments.length + other.segments.length);
        System.arraycopy(other.segments, 0, all, segments.length, other.segments.length);
        return new FieldPath(all);
    }

    private FieldPath append(Object segment) {
        Object[] all = Arrays.copyOf(segments, segments.length + 1);
        all[segments.length] = segment;
        return new FieldPath(all);
    }

    /** The number of segments. */
    public int size() {
        return segments.length;
    }

    /** Whether this is the root path. */
    public boolean isRoot() {
        return segments.length == 0;
    }

    /**
     * The segment at a position: a {@link String} for a property, an {@link Integer} for an index.
     *
     * @param i the position, from 0
     * @return the segment
     */
    public Object segment(int i) {
        return segments[i];
    }

    /** The segments, outermost first: {@link String} property names and {@link Integer} indexes. */
    public List<Object> segments() {
        return Collections.unmodifiableList(Arrays.asList(segments));
    }

    /** The path without its last segment; the root is its own parent. */
    public FieldPath parent() {
        return segments.length == 0 ? this : new FieldPath(Arrays.copyOf(segments, segments.length - 1));
    }

    /**
     * Whether this path starts with all segments of {@code prefix}.
     *
     * @param prefix the candidate prefix
     * @return true if this path equals or lies below {@code prefix}
     */
    public boolean startsWith(FieldPath prefix) {
        if (prefix.segments.length > segments.length) {
            return false;
        }
        for (int i = 0; i < prefix.segments.length; i++) {
            if (!segments[i].equals(prefix.segments[i])) {
                return false;
            }
        }
        return true;
    }

    /** The RFC 6901 JSON Pointer form, e.g. {@code /spec/containers/0/image}. */
    public String toPointer() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            sb.append('/');
            sb.append(s.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** The dotted form, e.g. {@code spec.containers[0].image}; empty for the root. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer) {
                sb.append('[').append(s).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof FieldPath && Arrays.equals(((FieldPath) o).segments, segments);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && segments.length > 0) {
            h = Arrays.hashCode(segments);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(FieldPath o) {
        if (o == this) {
            return 0;
        }
        int n = Math.min(segments.length, o.segments.length);
        for (int i = 0; i < n; i++) {
            Object a = segments[i];
            Object b = o.segments[i];
            int c;
            if (a instanceof Integer && b instanceof Integer) {
                c = Integer.compare((Integer) a, (Integer) b);
            } else if (a instanceof Integer) {
                c = -1;
            } else if (b instanceof Integer) {
                c = 1;
            } else {
                c = ((String) a).compareTo((String) b);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.length, o.segments.length);
    }
}
