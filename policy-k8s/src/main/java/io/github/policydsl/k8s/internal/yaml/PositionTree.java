package io.github.policydsl.k8s.internal.yaml;

import java.util.Arrays;

/**
 * The source position of every node of one YAML document, in a few flat arrays instead of a map
 * from JSON Pointer strings (which cost a string, a boxed long and a map entry per node, several
 * times the size of the input). Node 0 is the document root; every other node is a mapping entry
 * (with its key, positioned at the key) or a sequence item (key {@code null}, positioned at the
 * item), linked to its parent's other children. Lookups walk from the root one segment at a
 * time; among siblings with the same key the last one added wins, as a map would. Built by
 * {@link YamlTreeReader}; immutable once the document is read.
 */
public final class PositionTree {

    /** A tree with only a root, for documents without positions. */
    public static final PositionTree EMPTY = new PositionTree();

    private long[] pos;
    private String[] key;
    private int[] hash;
    private int[] firstChild;
    private int[] lastChild;
    private int[] next;
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
     * Adds a node.
     *
     * @param parent the parent node
     * @param k the mapping key, or null for a sequence item
     * @param position {@code line << 32 | column}
     * @return the new node
     */
    int add(int parent, String k, long position) {
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

    /** Trims the arrays to the number of nodes. */
    PositionTree trim() {
        if (size < pos.length) {
            pos = Arrays.copyOf(pos, size);
            key = Arrays.copyOf(key, size);
            hash = Arrays.copyOf(hash, size);
            firstChild = Arrays.copyOf(firstChild, size);
            next = Arrays.copyOf(next, size);
            lastChild = null;
        }
        return this;
    }

    /** The number of positioned nodes, the root not counted. */
    public int size() {
        return size - 1;
    }

    /**
     * The child of a node under a mapping key (the last added, if several).
     *
     * @param node a node
     * @param k the key
     * @return the child, or -1
     */
    public int child(int node, String k) {
        int h = k.hashCode();
        for (int c = firstChild[node]; c >= 0; c = next[c]) {
            if (hash[c] == h && k.equals(key[c])) {
                return c; // keys are unique: the loader rejects duplicate keys
            }
        }
        return -1;
    }

    /**
     * The {@code index}-th sequence item of a node.
     *
     * @param node a node
     * @param index the item index
     * @return the child, or -1
     */
    public int item(int node, int index) {
        int i = 0;
        for (int c = firstChild[node]; c >= 0; c = next[c]) {
            if (key[c] == null) {
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
     * @param node a node other than the root
     * @return {@code line << 32 | column}
     */
    public long position(int node) {
        return pos[node];
    }
}
