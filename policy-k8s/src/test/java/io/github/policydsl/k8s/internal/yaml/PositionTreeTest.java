package io.github.policydsl.k8s.internal.yaml;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compact (breadth-first) layout of {@link PositionTree} answers every lookup as the tree
 * was built: checked against a plain model of nodes with child lists, over random trees built in
 * document order, with mappings, sequences and mappings that also hold keyless children (as
 * merge-key lists produce).
 */
class PositionTreeTest {

    /** A model node: its key (null for an item), position and children in the order added. */
    private record Node(String key, long position, List<Node> children) {
    }

    @Test
    void everyLookupOfARandomTreeMatchesTheModel() {
        Random random = new Random(20261127L);
        for (int round = 0; round < 300; round++) {
            PositionTree tree = new PositionTree(1 + random.nextInt(8));
            Node root = new Node(null, 0L, new ArrayList<>());
            long[] counter = {1};
            build(tree, 0, root, random, 0, counter);
            tree.trim();
            assertThat(tree.size()).isEqualTo((int) counter[0] - 1);
            check(tree, 0, root);
        }
    }

    @Test
    void lookupsOfAbsentKeysAndIndexesFindNothing() {
        PositionTree tree = new PositionTree();
        int spec = tree.add(0, "spec", 11L);
        tree.add(spec, "a", 12L);
        int list = tree.add(0, "list", 13L);
        tree.add(list, null, 14L);
        tree.trim();
        int s = tree.child(0, "spec");
        assertThat(tree.position(s)).isEqualTo(11L);
        assertThat(tree.child(s, "b")).isEqualTo(-1);
        assertThat(tree.child(0, "missing")).isEqualTo(-1);
        int l = tree.child(0, "list");
        assertThat(tree.position(tree.item(l, 0))).isEqualTo(14L);
        assertThat(tree.item(l, 1)).isEqualTo(-1);
        assertThat(tree.item(l, -1)).isEqualTo(-1);
        assertThat(tree.item(s, 0)).isEqualTo(-1); // a mapping has no items
        assertThat(PositionTree.EMPTY.child(0, "spec")).isEqualTo(-1);
        assertThat(PositionTree.EMPTY.item(0, 0)).isEqualTo(-1);
        assertThat(PositionTree.EMPTY.size()).isZero();
    }

    @Test
    void aCompletedTreeTakesNoMoreNodes() {
        PositionTree tree = new PositionTree();
        tree.add(0, "a", 1L);
        assertThat(tree.trim()).isSameAs(tree.trim());
        assertThatThrownBy(() -> tree.add(0, "b", 2L)).isInstanceOf(IllegalStateException.class);
    }

    private static void build(PositionTree tree, int id, Node node, Random random, int depth, long[] counter) {
        if (depth > 5) {
            return;
        }
        int children = random.nextInt(depth == 0 ? 6 : 5);
        int shape = random.nextInt(3); // 0 mapping, 1 sequence, 2 mixed
        for (int i = 0; i < children; i++) {
            boolean keyed = shape == 0 || shape == 2 && random.nextBoolean();
            String key = keyed ? "k" + i + (random.nextBoolean() ? "" : "x") : null;
            long position = (counter[0] << 32) | random.nextInt(80);
            counter[0]++;
            Node child = new Node(key, position, new ArrayList<>());
            node.children().add(child);
            int childId = tree.add(id, key, position);
            // document order: a child's subtree is read before its next sibling
            build(tree, childId, child, random, depth + 1, counter);
        }
    }

    private static void check(PositionTree tree, int id, Node node) {
        int item = 0;
        for (Node child : node.children()) {
            int found;
            if (child.key() == null) {
                found = tree.item(id, item++);
            } else {
                found = tree.child(id, child.key());
                assertThat(found).isNotNegative();
                // keys may repeat among siblings in this model: the first one added is found
                Node firstWithKey = node.children().stream().filter(c -> child.key().equals(c.key())).findFirst()
                        .orElseThrow();
                if (firstWithKey != child) {
                    continue;
                }
            }
            assertThat(found).isNotNegative();
            assertThat(tree.position(found)).isEqualTo(child.position());
            check(tree, found, child);
        }
        assertThat(tree.item(id, item)).isEqualTo(-1);
        assertThat(tree.child(id, "absent")).isEqualTo(-1);
    }
}
