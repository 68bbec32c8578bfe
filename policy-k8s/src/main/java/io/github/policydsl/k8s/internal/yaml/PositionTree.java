package io.github.policydsl.k8s.internal.yaml;

import java.util.Arrays;

/**
 * The source position of every node of one YAML document, in a few flat arrays instead of a map
 * from JSON Pointer strings (which cost a string, a boxed long and a map entry per node, several
 * times the size of the input). Node 0 is the document root; every other node is a mapping entry
 * (with its key, positioned at the key) or a sequence item (key {@code null}, positioned at the
 * item). Lookups walk from the root one segment at a time; among siblings with the same key the
 * first one added is found. Built by {@link YamlTreeReader}; immutable once the document is read.
 *
 * <p>While the document is read, nodes are numbered in document order and each is linked to its
 * next sibling. {@link #trim()} renumbers them breadth-first, so that the children of every node
 * are consecutive: a lookup then scans one short run of each array instead of following links
 * that jump across the document, which matters because lookups happen long after reading, when
 * the tree is no longer in the processor's caches.
 */
public final class PositionTree {

    /** A tree with only a root, for documents without positions. */
    public static final PositionTree EMPTY = new PositionTree().trim();

    private long[] pos;
    private String[] key;
    private int[] hash;
    /** While reading: the first and last child and the next sibling of each node; null once trimmed. */
    private int[] firstChild;
    private int[] lastChild;
    private int[] next;
    /** Once trimmed: the children of node {@code n} are the nodes {@code first[n]} to {@code first[n + 1] - 1}. */
    private int[] first;
    private int size;

    PositionTree() {
        this(16);
    }

    PositionTree(int capacity) {
        pos = new long[capacity];
        key = new String[capacity];
        hash = new int[capacity];
        firstChild = new int[capacity];
        lastChild = new int[capacity];
        next = new int[capacity];
        size = 1;
        firstChild[0] = -1;
        lastChild[0] = -1;
        next[0] = -1;
    }

    /**
     * Adds a node; only before {@link #trim()}.
     *
     * @param parent the parent node
     * @param k the mapping key, or null for a sequence item
     * @param position {@code line << 32 | column}
     * @return the new node
     */
    int add(int parent, String k, long position) {
        if (first != null) {
            throw new IllegalStateException("the tree is complete");
        }
        if (size == pos.length) {
            int n = size * 2;
            pos = Arrays.copyOf(pos, n);
            key = Arrays.copyOf(key, n);
            hash = Arrays.copyOf(hash, n);
            firstChild = Arrays.copyOf(firstChild, n);
            lastChild = Arrays.copyOf(lastChild, n);
            next = Arrays.copyOf(next, n);
        }
        int id = size++;
        pos[id] = position;
        key[id] = k;
        hash[id] = k == null ? 0 : k.hashCode();
        firstChild[id] = -1;
        lastChild[id] = -1;
        next[id] = -1;
        if (firstChild[parent] < 0) {
            firstChild[parent] = id;
        } else {
            next[lastChild[parent]] = id;
        }
        lastChild[parent] = id;
        return id;
    }

    /**
     * Completes the tree: renumbers the nodes breadth-first (children of a node consecutive, in
     * the order they were added) into arrays of the exact size. Node ids returned by
     * {@link #add} are not valid afterwards. Calling it again does nothing.
     *
     * @return this tree
     */
    PositionTree trim() {
        if (first != null) {
            return this;
        }
        int n = size;
        int[] order = new int[n]; // new id -> old id
        int[] starts = new int[n + 1];
        int tail = 1;
        for (int i = 0; i < n; i++) {
            starts[i] = tail;
            for (int c = firstChild[order[i]]; c >= 0; c = next[c]) {
                order[tail++] = c;
            }
        }
        starts[n] = tail;
        long[] p = new long[n];
        String[] k = new String[n];
        int[] h = new int[n];
        for (int i = 0; i < n; i++) {
            int old = order[i];
            p[i] = pos[old];
            k[i] = key[old];
            h[i] = hash[old];
        }
        pos = p;
        key = k;
        hash = h;
        first = starts;
        firstChild = null;
        lastChild = null;
        next = null;
        return this;
    }

    /**
     * The number of nodes, the root not counted.
     *
     * @return the count
     */
    public int size() {
        return size - 1;
    }

    /**
     * The first child of a node with a key.
     *
     * @param node the node
     * @param k the key
     * @return the child, or -1
     */
    public int child(int node, String k) {
        int h = k.hashCode();
        int[] hs = hash;
        for (int c = first[node], end = first[node + 1]; c < end; c++) {
            if (hs[c] == h && k.equals(key[c])) {
                return c; // keys are unique: the loader rejects duplicate keys
            }
        }
        return -1;
    }

    /**
     * The item of a sequence node at an index.
     *
     * @param node the node
     * @param index the index
     * @return the child, or -1
     */
    public int item(int node, int index) {
        int i = 0;
        String[] ks = key;
        for (int c = first[node], end = first[node + 1]; c < end; c++) {
            if (ks[c] == null) {
                if (i == index) {
                    return c;
                }
                i++;
            }
        }
        return -1;
    }

    /**
     * The position of a node.
     *
     * @param node the node
     * @return {@code line << 32 | column}
     */
    public long position(int node) {
        return pos[node];
    }
}
