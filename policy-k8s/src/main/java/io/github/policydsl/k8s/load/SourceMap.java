package io.github.policydsl.k8s.load;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.k8s.internal.yaml.PositionTree;

import java.util.Map;
import java.util.Objects;

/**
 * The source positions of one YAML or JSON document: every node's line and column, keyed by its
 * path in the document. A mapping entry is positioned at its key, a list item at the item's first
 * node. {@link #locate(FieldPath)} falls back to the nearest existing ancestor, so a missing field
 * is located at the object that should contain it. Immutable.
 */
public final class SourceMap {

    private final String file;
    private final Map<String, Long> positions;
    private final PositionTree tree;
    private final long rootPosition;

    /**
     * Creates a source map.
     *
     * @param file the file name, as given to the loader
     * @param positions JSON Pointer to {@code line << 32 | column} (both 1-based)
     * @param rootPosition the position of the document's root node
     */
    public SourceMap(String file, Map<String, Long> positions, long rootPosition) {
        this.file = Objects.requireNonNull(file, "file");
        this.positions = Map.copyOf(positions);
        this.tree = null;
        this.rootPosition = rootPosition;
    }

    private SourceMap(String file, PositionTree tree, long rootPosition) {
        this.file = Objects.requireNonNull(file, "file");
        this.positions = null;
        this.tree = Objects.requireNonNull(tree, "tree");
        this.rootPosition = rootPosition;
    }

    /** A source map over the loader's compact position tree (shared by all objects of one document). */
    static SourceMap of(String file, PositionTree tree, long rootPosition) {
        return new SourceMap(file, tree, rootPosition);
    }

    /**
     * A source map without positions, for objects built in code.
     *
     * @param label a label shown instead of a file name
     * @return an empty map whose locations have line 0
     */
    public static SourceMap none(String label) {
        return new SourceMap(label, Map.of(), 0L);
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /**
     * Whether the document has a node at this path.
     *
     * @param path a path in the document
     * @return true if the node exists in the source
     */
    public boolean contains(FieldPath path) {
        if (path.isRoot()) {
            return true;
        }
        if (tree == null) {
            return positions.containsKey(path.toPointer());
        }
        return walk(0, path) >= 0;
    }

    private int step(int node, Object segment) {
        return segment instanceof Integer idx ? tree.item(node, idx) : tree.child(node, (String) segment);
    }

    /** The node at the end of {@code path} walked from {@code node}, or -1 where a segment is missing. */
    private int walk(int node, FieldPath path) {
        for (int i = 0; i < path.size() && node >= 0; i++) {
            node = step(node, path.segment(i));
        }
        return node;
    }

    /**
     * The deepest node that exists on {@code path}'s segments from {@code start} on, walked from
     * {@code node} (which must exist); {@code node} itself if the first of them is missing.
     */
    private int deepest(int node, FieldPath path, int start) {
        int found = node;
        for (int i = start; i < path.size(); i++) {
            node = step(node, path.segment(i));
            if (node < 0) {
                break;
            }
            found = node;
        }
        return found;
    }

    /** Records in {@code into} the node of each of {@code path}'s segments from {@code start} on (-1 once missing). */
    private void record(int node, FieldPath path, int start, int[] into) {
        for (int i = start; i < path.size(); i++) {
            node = node < 0 ? -1 : step(node, path.segment(i));
            into[i] = node;
        }
    }

    /**
     * The location of the most specific existing node on a path.
     *
     * @param path a path in the document
     * @return the location of the node, or of its nearest existing ancestor
     */
    public Location locate(FieldPath path) {
        if (tree != null) {
            int found = deepest(0, path, 0);
            return at(found == 0 ? rootPosition : tree.position(found));
        }
        FieldPath p = path;
        while (!p.isRoot()) {
            Long pos = positions.get(p.toPointer());
            if (pos != null) {
                return at(pos);
            }
            p = p.parent();
        }
        return at(rootPosition);
    }

    /**
     * An anchor at {@code base + prefix}, for locating many paths below one prefix.
     *
     * @param base where the object starts in the document
     * @param prefix the prefix, relative to the object
     * @return the anchor
     */
    Anchor anchor(FieldPath base, FieldPath prefix) {
        if (tree == null) {
            return new Anchor(this, base, prefix, null);
        }
        int[] nodes = new int[prefix.size()];
        record(walk(0, base), prefix, 0, nodes);
        return new Anchor(this, base, prefix, nodes);
    }

    /**
     * Locates the fields of one part of an object, such as a pod spec or one container, with the
     * nodes on the way to the part found once: a path below the prefix walks only its remaining
     * segments, and a path that is part of the prefix walks nothing. Gives the same locations as
     * {@link LoadedResource#locate(FieldPath)}. Immutable (it caches one location) and thread-safe.
     */
    public static final class Anchor {
        private final SourceMap map;
        private final FieldPath base;
        private final FieldPath prefix;
        /** The node of each segment of the prefix (-1 where absent), or null without a tree. */
        private final int[] nodes;
        /**
         * The location of the prefix's own node, made when first located: the most specific
         * existing node of every field that a container or pod spec lacks. A benign race makes
         * equal locations twice at most.
         */
        private Location own;

        private Anchor(SourceMap map, FieldPath base, FieldPath prefix, int[] nodes) {
            this.map = map;
            this.base = base;
            this.prefix = prefix;
            this.nodes = nodes;
        }

        /** The prefix, relative to the object. */
        public FieldPath prefix() {
            return prefix;
        }

        /**
         * An anchor further down, continuing from this one's nodes.
         *
         * @param longer a path that starts with this anchor's prefix
         * @return the anchor at {@code longer}
         */
        public Anchor below(FieldPath longer) {
            if (nodes == null || !longer.startsWith(prefix)) {
                return map.anchor(base, longer);
            }
            int[] more = java.util.Arrays.copyOf(nodes, longer.size());
            map.record(nodes.length == 0 ? map.walk(0, base) : nodes[nodes.length - 1], longer, nodes.length, more);
            return new Anchor(map, base, longer, more);
        }

        /**
         * The location of the most specific existing node on a path.
         *
         * @param path a path relative to the object
         * @return the location, as {@link LoadedResource#locate(FieldPath)} gives it
         */
        public Location locate(FieldPath path) {
            int common = nodes == null ? 0 : path.commonPrefix(prefix);
            // the walk along the path passes the prefix's nodes for the segments they share
            int n = common == 0 ? -1 : nodes[common - 1];
            if (n < 0) {
                return map.locate(base.resolve(path));
            }
            int found = map.deepest(n, path, common);
            if (found == nodes[nodes.length - 1]) { // common > 0, so the prefix has nodes
                Location l = own;
                if (l == null) {
                    l = map.at(map.tree.position(found));
                    own = l;
                }
                return l;
            }
            return map.at(map.tree.position(found));
        }
    }

    private Location at(long pos) {
        return new Location(file, (int) (pos >>> 32), (int) pos);
    }

    /** The number of positioned nodes. */
    public int size() {
        return tree != null ? tree.size() : positions.size();
    }
}
