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
}
