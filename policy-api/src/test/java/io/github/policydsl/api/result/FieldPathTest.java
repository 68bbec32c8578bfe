package io.github.policydsl.api.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPathTest {

    @Test
    void dottedAndPointerForms() {
        FieldPath p = FieldPath.root().child("spec").child("containers").index(1).child("securityContext", "runAsNonRoot");
        assertThat(p).hasToString("spec.containers[1].securityContext.runAsNonRoot");
        assertThat(p.toPointer()).isEqualTo("/spec/containers/1/securityContext/runAsNonRoot");
        assertThat(FieldPath.parse(p.toString())).isEqualTo(p);
        assertThat(FieldPath.root().child("a/b~c").toPointer()).isEqualTo("/a~1b~0c");
        assertThat(FieldPath.parse("items[0][2].x")).hasToString("items[0][2].x");
    }

    @Test
    void parentsPrefixesAndOrder() {
        FieldPath p = FieldPath.parse("spec.template.spec");
        assertThat(p.parent()).hasToString("spec.template");
        assertThat(p.startsWith(FieldPath.parse("spec.template"))).isTrue();
        assertThat(p.startsWith(FieldPath.parse("spec.tem"))).isFalse();
        assertThat(FieldPath.parse("a[2]").compareTo(FieldPath.parse("a[10]"))).isNegative();
        assertThat(FieldPath.root().parent()).isEqualTo(FieldPath.root());
        assertThat(FieldPath.parse("a").resolve(FieldPath.parse("b[1]"))).hasToString("a.b[1]");
    }

    @Test
    void badPathsAreRejected() {
        assertThatThrownBy(() -> FieldPath.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldPath.parse("a[x]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldPath.parse("a[1")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A path joined from two shares their segments instead of copying them; it must behave
     * exactly like the same path built one segment at a time, in every method, including as the
     * base of further joins.
     */
    @Test
    void joinedPathsBehaveLikePathsBuiltSegmentBySegment() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 2000; round++) {
            java.util.List<Object> segments = randomSegments(random);
            FieldPath stepwise = build(FieldPath.root(), segments);
            int cut = random.nextInt(segments.size() + 1);
            FieldPath head = build(FieldPath.root(), segments.subList(0, cut));
            FieldPath tail = build(FieldPath.root(), segments.subList(cut, segments.size()));
            FieldPath joined = head.resolve(tail);
            java.util.List<FieldPath> forms = new java.util.ArrayList<>(java.util.List.of(stepwise, joined,
                    FieldPath.parse(stepwise.toString())));
            if (segments.stream().allMatch(String.class::isInstance)) {
                forms.add(head.child(segments.subList(cut, segments.size()).toArray(new String[0])));
            }
            for (FieldPath p : forms) {
                assertThat(p).isEqualTo(stepwise).hasSameHashCodeAs(stepwise);
                assertThat(p.compareTo(stepwise)).isZero();
                assertThat(p.size()).isEqualTo(segments.size());
                assertThat(p.segments()).isEqualTo(segments);
                assertThat(p.toString()).isEqualTo(stepwise.toString());
                assertThat(p.toPointer()).isEqualTo(stepwise.toPointer());
                assertThat(p.parent()).isEqualTo(stepwise.parent());
                assertThat(p.startsWith(head)).isTrue();
                assertThat(p.commonPrefix(head)).isEqualTo(cut);
                assertThat(head.commonPrefix(p)).isEqualTo(cut);
                for (int i = 0; i < segments.size(); i++) {
                    assertThat(p.segment(i)).isEqualTo(segments.get(i));
                }
                // joining again (a joined path as the base) still gives the same path
                assertThat(p.child("x").index(1)).isEqualTo(stepwise.child("x").index(1));
                assertThat(p.resolve(tail)).isEqualTo(build(stepwise, segments.subList(cut, segments.size())));
            }
            FieldPath other = build(FieldPath.root(), randomSegments(random));
            int expectedOrder = Integer.signum(stepwise.compareTo(other));
            int common = 0;
            while (common < Math.min(segments.size(), other.size()) && segments.get(common).equals(other.segment(common))) {
                common++;
            }
            for (FieldPath p : forms) {
                assertThat(Integer.signum(p.compareTo(other))).isEqualTo(expectedOrder);
                assertThat(Integer.signum(other.compareTo(p))).isEqualTo(-expectedOrder);
                assertThat(p.equals(other)).isEqualTo(expectedOrder == 0);
                assertThat(p.commonPrefix(other)).isEqualTo(common);
                assertThat(p.startsWith(other)).isEqualTo(common == other.size());
            }
        }
    }

    @Test
    void segmentsOutsideAJoinedPathAreRejected() {
        FieldPath joined = FieldPath.parse("spec.containers[0]").resolve(FieldPath.parse("securityContext.privileged"));
        assertThat(joined.segment(4)).isEqualTo("privileged");
        assertThatThrownBy(() -> joined.segment(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> joined.segment(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static java.util.List<Object> randomSegments(java.util.Random random) {
        int n = random.nextInt(7);
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(random.nextInt(3) == 0 ? (Object) random.nextInt(3) : (Object) ("f" + random.nextInt(3)));
        }
        return out;
    }

    private static FieldPath build(FieldPath from, java.util.List<Object> segments) {
        FieldPath p = from;
        for (Object s : segments) {
            p = s instanceof Integer i ? p.index(i) : p.child((String) s);
        }
        return p;
    }
}
