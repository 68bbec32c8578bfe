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
 *
 * <p>A path joined from two ({@link #resolve}) shares both, without copying them: conditions build
 * the field path of every violation this way, from the path of the container or object and a
 * constant relative path.
 */
public final class FieldPath implements Comparable<FieldPath> {

    private static final Object[] NONE = new Object[0];
    private static final FieldPath ROOT = new FieldPath(null, NONE);

    /**
     * The path this one extends, or null if {@link #tail} holds every segment. A head is itself
     * always such a flat path, so a segment is at most one step away.
     */
    private final FieldPath head;
    /** String and Integer segments after the head, outermost first; never modified, may be shared. */
    private final Object[] tail;
    private final int size;
    private int hash;

    private FieldPath(FieldPath head, Object[] tail) {
        this.head = head;
        this.tail = tail;
        this.size = (head == null ? 0 : head.size) + tail.length;
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
        Object[] more = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            more[i] = Objects.requireNonNull(names[i], "name");
        }
        return join(more);
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
     * Returns this path followed by all segments of {@code other}. Neither is copied: the result
     * refers to both, so joining a path with a constant relative path costs one small object.
     *
     * @param other the relative path to append
     * @return a new path
     */
    public FieldPath resolve(FieldPath other) {
        if (other.size == 0) {
            return this;
        }
        if (size == 0) {
            return other;
        }
        return join(other.head == null ? other.tail : other.flat());
    }

    /** This path followed by segments that nothing will modify. */
    private FieldPath join(Object[] more) {
        if (size == 0) {
            return new FieldPath(null, more);
        }
        return head == null ? new FieldPath(this, more) : new FieldPath(null, concat(flat(), more));
    }

    private FieldPath append(Object segment) {
        Object[] all = Arrays.copyOf(flat(), size + 1);
        all[size] = segment;
        return new FieldPath(null, all);
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Every segment in one array: the tail itself for a flat path, else a new array. */
    private Object[] flat() {
        return head == null ? tail : concat(head.tail, tail);
    }

    /** The number of segments. */
    public int size() {
        return size;
    }

    /** Whether this is the root path. */
    public boolean isRoot() {
        return size == 0;
    }

    /**
     * The segment at a position: a {@link String} for a property, an {@link Integer} for an index.
     *
     * @param i the position, from 0
     * @return the segment
     */
    public Object segment(int i) {
        if (head == null) {
            return tail[i];
        }
        int h = head.size;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("segment " + i + " of a path of " + size);
        }
        return i < h ? head.tail[i] : tail[i - h];
    }

    /** The segments, outermost first: {@link String} property names and {@link Integer} indexes. */
    public List<Object> segments() {
        return Collections.unmodifiableList(Arrays.asList(flat()));
    }

    /** The path without its last segment; the root is its own parent. */
    public FieldPath parent() {
        return size == 0 ? this : new FieldPath(null, Arrays.copyOf(flat(), size - 1));
    }

    /**
     * Whether this path starts with all segments of {@code prefix}.
     *
     * @param prefix the candidate prefix
     * @return true if this path equals or lies below {@code prefix}
     */
    public boolean startsWith(FieldPath prefix) {
        if (prefix == this || prefix == head || prefix.size == 0) {
            return true;
        }
        if (prefix.size > size) {
            return false;
        }
        for (int i = 0; i < prefix.size; i++) {
            if (!segment(i).equals(prefix.segment(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many leading segments this path shares with another.
     *
     * @param other the other path
     * @return the length of the common prefix
     */
    public int commonPrefix(FieldPath other) {
        if (other == this) {
            return size;
        }
        if (other == head) {
            return other.size;
        }
        if (other.head == this) {
            return size;
        }
        int n = Math.min(size, other.size);
        int i = 0;
        while (i < n && segment(i).equals(other.segment(i))) {
            i++;
        }
        return i;
    }

    /** The RFC 6901 JSON Pointer form, e.g. {@code /spec/containers/0/image}. */
    public String toPointer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append('/');
            sb.append(segment(i).toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** The dotted form, e.g. {@code spec.containers[0].image}; empty for the root. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            Object s = segment(i);
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
        if (o == this) {
            return true;
        }
        if (!(o instanceof FieldPath other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!segment(i).equals(other.segment(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && size > 0) {
            h = 1; // as Arrays.hashCode of the segments
            for (int i = 0; i < size; i++) {
                h = 31 * h + segment(i).hashCode();
            }
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(FieldPath o) {
        if (o == this) {
            return 0;
        }
        int n = Math.min(size, o.size);
        for (int i = 0; i < n; i++) {
            Object a = segment(i);
            Object b = o.segment(i);
            if (a == b) {
                continue;
            }
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
        return Integer.compare(size, o.size);
    }
}
